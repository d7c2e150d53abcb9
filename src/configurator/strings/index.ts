import type { Lang } from '../model';
import type { Strings } from './strings';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

export type { Strings };
export const STRINGS: Record<Lang, Strings> = { ru, kk, en };

import type { PresetName } from '../types';
import { QUEUES } from './queues';

/** What the operator's tools know of a preset's vendor; the gate never bundles this module. */
export interface VendorFacts {
  /** The vendor's name as site owners know it. */
  vendor: string;
  /** Hosts the vendor's loader and hits come from; a subdomain of one counts too. */
  hosts: string[];
  /** The preset's own cookie patterns (the ones withdrawal deletes), one source with the gate. */
  cookies: string[];
  /** The counter id as the vendor issues it, and one example of it. */
  id: RegExp;
  idExample: string;
}

const facts = (vendor: string, name: PresetName, hosts: string[], id: RegExp, idExample: string): VendorFacts =>
  ({ vendor, hosts, cookies: QUEUES[name].cookies, id, idExample });

/**
 * Hosts and id formats from each vendor's own snippet and help pages (GLOSSARY.md, "Counter facts").
 * Google Ads ids (`AW-…`) go through the `gtag` preset too, so its pattern takes both.
 */
export const catalog: Record<PresetName, VendorFacts> = {
  'yandex-metrika': facts('Yandex Metrica', 'yandex-metrika', ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'mc.webvisor.com'], /^\d{1,12}$/, '12345678'),
  gtag: facts('Google Analytics / Google Ads', 'gtag', ['www.googletagmanager.com', 'www.google-analytics.com', 'region1.google-analytics.com', 'analytics.google.com', 'googleads.g.doubleclick.net', 'www.googleadservices.com'], /^(G|AW|DC)-[A-Z0-9]{4,16}$/, 'G-XXXXXXXXXX'),
  gtm: facts('Google Tag Manager', 'gtm', ['www.googletagmanager.com'], /^GTM-[A-Z0-9]{4,10}$/, 'GTM-XXXXXXX'),
  'vk-pixel': facts('VK Ads / Top@Mail.ru', 'vk-pixel', ['top-fwz1.mail.ru', 'top.mail.ru', 'vk.com'], /^\d{1,10}$/, '3333333'),
  'meta-pixel': facts('Meta Pixel', 'meta-pixel', ['connect.facebook.net', 'www.facebook.com'], /^\d{10,20}$/, '123456789012345'),
  'tiktok-pixel': facts('TikTok Pixel', 'tiktok-pixel', ['analytics.tiktok.com'], /^[A-Z0-9]{20}$/, 'C4ABCDEFGHIJKLMNOPQR'),
};

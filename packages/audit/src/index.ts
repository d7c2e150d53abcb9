export { audit, AuditError } from './audit';
export { findChromium } from './browser';
export { classifyCookie, classifyRequest, classifyStorage } from './map/classify';
export { propose } from './propose';
export { renderHtml } from './report/html';
export { renderText } from './report/text';
export type { AuditOptions, AuditResult, Finding, Fix, Lang, Phase, PhaseName, Purpose } from './types';

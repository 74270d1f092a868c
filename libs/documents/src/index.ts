export * from './certificate.pdf';
export * from './decision.pdf';
export type { DocumentHeading } from './document-heading';
export * from './minutes.pdf';
export * from './award-history.export';
export { vietnameseLongDate, vietnameseShortDate } from './vietnamese-date';
export * from './recognition-report.export';

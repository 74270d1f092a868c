export * from './certificate.pdf';
export * from './decision.pdf';
export * from './minutes.pdf';
export * from './award-history.export';
export { vietnameseLongDate, vietnameseShortDate } from './vietnamese-date';
export * from './recognition-report.export';

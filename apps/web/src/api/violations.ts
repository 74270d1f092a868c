import type { TFunction } from 'i18next';
import type { FieldViolation } from './problem';

const NUMBER = /(-?\d+(?:\.\d+)?)/;

/**
 * The API words field errors in English (class-validator's messages, named by `rule`). In
 * Vietnamese the common rules get a Vietnamese sentence; limits are read from the message.
 */
export function describeViolation(v: FieldViolation, t: TFunction, language: string): string {
  if (language === 'en') return v.message;
  const limit = NUMBER.exec(v.message)?.[1];
  switch (v.rule) {
    case 'isLength':
    case 'length':
      if (/longer than/.test(v.message)) return t('rules.minLength', { n: limit });
      if (/shorter than/.test(v.message)) return t('rules.maxLength', { n: limit });
      return t('rules.length');
    case 'min':
      return t('rules.min', { n: limit });
    case 'max':
      return t('rules.max', { n: limit });
    case 'arrayMinSize':
      return t('rules.arrayMinSize', { n: limit });
    case 'arrayMaxSize':
      return t('rules.arrayMaxSize', { n: limit });
    case 'isUrl':
      return t('rules.isUrl');
    case 'isNotEmpty':
    case 'isDefined':
      return t('rules.required');
    case 'isString':
    case 'isInt':
    case 'isNumber':
    case 'isBoolean':
    case 'isUuid':
    case 'isUUID':
    case 'isIn':
    case 'isObject':
    case 'isArray':
      return t('rules.type');
    case 'matches':
      return t('rules.matches', { detail: v.message });
    case 'isCalendarDate':
      return t('rules.isCalendarDate');
    case 'requiredForWebhook':
      return t('rules.requiredForWebhook');
    case 'bothOrNeither':
      return t('rules.bothOrNeither');
    case 'notBeforeStartsOn':
      return t('rules.notBeforeStartsOn');
    case 'matchesPeriodKind':
      return t('rules.matchesPeriodKind');
    case 'notBeforeYearFrom':
      return t('rules.notBeforeYearFrom');
    // A personal signing certificate refused (the API's reason stays in English in `message`).
    case 'pkcs12':
      return t('rules.pkcs12');
    case 'certificateValidNow':
      return t('rules.certificateValidNow');
    case 'trustedIssuer':
      return t('rules.trustedIssuer');
    case 'signatureUsage':
      return t('rules.signatureUsage');
    default:
      return v.message;
  }
}

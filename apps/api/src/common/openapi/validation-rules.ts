import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { PRINTABLE_TEXT_RULE } from '../printable-text';

/**
 * Writes the class-validator rules of every DTO into its @ApiProperty metadata before the document
 * is built, so that the schema states what the ValidationPipe enforces: lengths, patterns, formats,
 * enums, bounds, item counts. This is what the @nestjs/swagger CLI plugin's classValidatorShim does
 * at compile time; the API runs under @swc-node/register and ts-jest, which run no TypeScript
 * transformers, so here it is done at run time from the same decorators. Explicit @ApiProperty
 * options win. Returns the names of the validated classes (the request DTOs).
 */
export function applyValidationRulesToSchemas(): Set<string> {
  const validated = new Set<string>();
  for (const [target, metadatas] of validationTargets()) {
    validated.add(target.name);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of metadatas) {
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    for (const [property, rules] of byProperty) {
      const documented: unknown = Reflect.getMetadata(
        DECORATORS.API_MODEL_PROPERTIES,
        target.prototype as object,
        property,
      );
      if (!isRecord(documented)) continue;
      const derived = schemaOfRules(rules);
      if (rules.some((r) => r.each && (r.name === 'isIn' || r.name === 'isEnum'))) {
        const items = documented['items'];
        if (!documented['enum'] && !(isRecord(items) && items['enum'])) {
          throw new Error(`${target.name}.${property}: state the items' enum in @ApiProperty`);
        }
      }
      // Explicit options first: an @ApiProperty that states a rule is kept as written; only an
      // @IsInt() narrows a declared `number` (class-transformer's Number) to `integer`.
      const merged: Record<string, unknown> = { ...derived, ...documented };
      const declared = merged['type'];
      if (derived.type === 'integer' && (declared === Number || declared === 'number')) {
        merged['type'] = 'integer';
      }
      Reflect.defineMetadata(
        DECORATORS.API_MODEL_PROPERTIES,
        merged,
        target.prototype as object,
        property,
      );
    }
  }
  return validated;
}

/** Control characters, line/paragraph separators, bidi controls and markup (printable-text.ts),
 * spelled so that both ECMAScript and Python regular expressions read it alike. */
const PRINTABLE_PATTERN =
  '^[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069<>]*$';
/** class-validator's isBase64: groups of four, optionally padded. */
const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

type Derived = SchemaObject & { isArray?: boolean };

function schemaOfRules(rules: ValidationMetadata[]): Derived {
  const s: Derived = {};
  for (const rule of rules) {
    const c: unknown[] = rule.constraints ?? [];
    switch (rule.name ?? rule.type) {
      case 'isString':
        s.type ??= 'string';
        break;
      case 'isInt':
        s.type = 'integer';
        break;
      case 'isNumber':
        s.type ??= 'number';
        break;
      case 'isBoolean':
        s.type = 'boolean';
        break;
      case 'isUuid':
        s.format = 'uuid';
        break;
      case 'isEmail':
        s.format = 'email';
        break;
      case 'isUrl':
        s.format = 'uri';
        break;
      case 'isBase64':
        s.pattern ??= BASE64_PATTERN;
        break;
      case 'isLength':
        if (typeof c[0] === 'number') s.minLength = c[0];
        if (typeof c[1] === 'number') s.maxLength = c[1];
        break;
      case 'minLength':
        if (typeof c[0] === 'number') s.minLength = c[0];
        break;
      case 'maxLength':
        if (typeof c[0] === 'number') s.maxLength = c[0];
        break;
      case 'isNotEmpty':
        s.minLength ??= 1;
        break;
      case 'matches':
        // A DTO's own pattern is more precise than "printable" (set below only when none is).
        s.pattern = patternOf(c[0], c[1]);
        break;
      case PRINTABLE_TEXT_RULE:
        s.pattern ??= PRINTABLE_PATTERN;
        break;
      // On an array (`each`), @ApiProperty({ enum, isArray: true }) states the items' values.
      case 'isIn':
        if (Array.isArray(c[0]) && !rule.each) s.enum = c[0];
        break;
      case 'isEnum':
        if (isRecord(c[0]) && !rule.each) s.enum = [...new Set(Object.values(c[0]))];
        break;
      case 'min':
        if (typeof c[0] === 'number') s.minimum = c[0];
        break;
      case 'max':
        if (typeof c[0] === 'number') s.maximum = c[0];
        break;
      case 'arrayMinSize':
        if (typeof c[0] === 'number') s.minItems = c[0];
        break;
      case 'arrayMaxSize':
        if (typeof c[0] === 'number') s.maxItems = c[0];
        break;
      case 'arrayUnique':
        s.uniqueItems = true;
        break;
      default:
        break;
    }
  }
  return s;
}

/** A RegExp as an OpenAPI pattern; case-insensitive ones spelled out (JSON Schema has no flags). */
function patternOf(value: unknown, modifiers: unknown): string {
  const source = value instanceof RegExp ? value.source : String(value);
  const flags =
    value instanceof RegExp ? value.flags : typeof modifiers === 'string' ? modifiers : '';
  return flags.includes('i') ? caseInsensitive(source) : source;
}

/** `[a-z]+` → `[a-zA-Z]+`, `x` → `[xX]`: enough for the simple patterns of our DTOs. */
function caseInsensitive(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      const range = /^([a-zA-Z])-([a-zA-Z])/.exec(source.slice(i));
      if (range?.[1] && range[2]) {
        out += `${range[1].toLowerCase()}-${range[2].toLowerCase()}${range[1].toUpperCase()}-${range[2].toUpperCase()}`;
        i += 2;
      } else if (/[a-zA-Z]/.test(ch)) {
        out += ch.toLowerCase() + ch.toUpperCase();
      } else {
        out += ch;
      }
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (/[a-zA-Z]/.test(ch)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Every class with class-validator rules, with its rules and those it inherits. */
type DtoClass = abstract new (...args: never[]) => unknown;

function validationTargets(): [DtoClass, ValidationMetadata[]][] {
  const storage = getMetadataStorage();
  // class-validator keeps its targets in a private map and offers no way to list them.
  const all = (storage as unknown as { validationMetadatas?: Map<unknown, unknown> })
    .validationMetadatas;
  if (!(all instanceof Map)) {
    throw new Error('class-validator changed its metadata storage: update validation-rules.ts');
  }
  return [...all.keys()]
    .filter((t): t is DtoClass => typeof t === 'function')
    .map((t) => [t, storage.getTargetValidationMetadatas(t, '', true, false)]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { type INestApplication, ParseUUIDPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IS_PUBLIC } from '../../auth/auth.decorators';
import { ProblemDetailsDto } from '../dto/problem-details.dto';
import { IDEMPOTENCY_KEY } from '../workflow-updates.service';
import { problemResponse, type ProblemStatus } from './api-problems.decorator';
import { paramPipeSchema } from './param-schema';
import { applyValidationRulesToSchemas } from './validation-rules';

/**
 * The OpenAPI document of the API, generated from the controllers and DTOs (served at /docs and
 * written by scripts/openapi-document.ts). Beyond what @nestjs/swagger derives, it states what the
 * framework does to every route, read from the same metadata the guard and the pipes use:
 * - routes marked @Public() need no token (`security: []`, no 401/403);
 * - path parameters carry the format or pattern their pipe enforces;
 * - the optional Idempotency-Key header carries the rule assertIdempotencyKey enforces;
 * - a route with inputs may answer 400, one with a body 413 and 415, one naming a record (a path
 *   id, a UUID in the query or the body) 404;
 * - any route may answer 503 while a dependency is down or overloaded;
 * - request DTOs allow no other fields (the ValidationPipe's forbidNonWhitelisted).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const validated = applyValidationRulesToSchemas();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua – Khen thưởng: emulation-pledge workflow engine')
      .setDescription(
        'Ký kết giao ước, đăng ký, bình xét và khen thưởng của các cụm thi đua. ' +
          'Log in with POST /auth/login, then "Authorize" with the access token. ' +
          'Errors are application/problem+json with a stable `code`; send Accept-Language: en for English.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'This server')
      .addBearerAuth()
      .build(),
    // Not returned by any one route: the body of every error answer.
    { extraModels: [ProblemDetailsDto] },
  );
  const handlers = routeHandlers(app);
  const schemas = document.components?.schemas ?? {};
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      finishOperation(operation, handlers.get(operation.operationId ?? ''), schemas);
    }
  }
  typeNullableReferences(document);
  nullInNullableEnums(document);
  // The ValidationPipe forbids fields a request DTO does not declare (forbidNonWhitelisted).
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (validated.has(name) && !('$ref' in schema)) schema.additionalProperties = false;
  }
  return document;
}

/** `{ nullable: true, allOf: [{ $ref }] }` (a DTO property that may be null) gets the type OpenAPI
 * 3.0 needs beside `nullable`: the referenced schema's. */
function typeNullableReferences(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const typeOf = (ref: string): SchemaObject['type'] => {
    const target = schemas[ref.replace('#/components/schemas/', '')];
    return target && !('$ref' in target) ? target.type : undefined;
  };
  for (const schema of Object.values(schemas)) {
    if ('$ref' in schema) continue;
    for (const property of Object.values(schema.properties ?? {})) {
      if ('$ref' in property || !property.nullable || property.type) continue;
      const ref = property.allOf?.find((s): s is ReferenceObject => '$ref' in s)?.$ref;
      const type = ref ? typeOf(ref) : undefined;
      if (type) property.type = type;
    }
  }
}

/** `{ enum: [...], nullable: true }` admits null only when the enum lists it (OpenAPI 3.0.3,
 * "nullable"): a property that may be null (a unit's level or kind, cleared with null) lists it. */
function nullInNullableEnums(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if ('$ref' in schema) continue;
    for (const property of Object.values(schema.properties ?? {})) {
      if ('$ref' in property || !property.nullable || !property.enum) continue;
      const values: unknown[] = property.enum;
      if (!values.includes(null)) property.enum = [...values, null];
    }
  }
}

interface RouteHandler {
  controller: object;
  handler: object;
  /** Path parameter name → the pipes that check it. */
  paramPipes: Map<string, unknown[]>;
}

function finishOperation(
  operation: OperationObject,
  route: RouteHandler | undefined,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): void {
  if (!route) throw new Error(`no handler found for operation ${operation.operationId}`);
  const isPublic =
    Reflect.getMetadata(IS_PUBLIC, route.handler) === true ||
    Reflect.getMetadata(IS_PUBLIC, route.controller) === true;
  if (isPublic) {
    operation.security = [];
    // The controller default's 401/403 only: a public route may still state its own.
    for (const status of [401, 403] as const) {
      const answer: unknown = operation.responses[status];
      if (isRecord(answer) && answer['description'] === problemResponse(status).description) {
        delete operation.responses[status];
      }
    }
  }

  const parameters = (operation.parameters ?? []).filter(isParameter);
  for (const p of parameters) {
    if (p.in !== 'path') continue;
    const schema = (route.paramPipes.get(p.name) ?? [])
      .map((pipe) => (pipe instanceof ParseUUIDPipe ? { format: 'uuid' } : paramPipeSchema(pipe)))
      .find((s) => s !== undefined);
    if (schema) p.schema = { type: 'string', ...(p.schema as SchemaObject), ...schema };
  }
  // Read from a @Headers('idempotency-key') argument: optional everywhere, checked when sent.
  const key = parameters.filter((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name));
  if (key.length > 0) {
    operation.parameters = [
      ...(operation.parameters ?? []).filter((p) => !key.includes(p as ParameterObject)),
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Retrying with the same key returns the first outcome instead of acting twice; ' +
          'without it every request acts',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
      },
    ];
  }

  const answers: ProblemStatus[] = [];
  if (parameters.length > 0 || operation.requestBody) answers.push(400);
  if (operation.requestBody) answers.push(413, 415);
  // A path id, or a query parameter naming a record by its UUID, may name nothing.
  const namesRecord = (p: ParameterObject) =>
    p.in === 'path' ||
    (p.in === 'query' && (p.schema as SchemaObject | undefined)?.format === 'uuid');
  const body = operation.requestBody;
  const bodySchema =
    body && 'content' in body ? body.content['application/json']?.schema : undefined;
  // The ValidationPipe reads a missing body as `{}`: where no field is required, none is needed.
  if (body && 'content' in body && bodySchema && !requiresAField(bodySchema, schemas)) {
    body.required = false;
  }
  if (parameters.some(namesRecord) || namesRecordById(bodySchema, schemas)) answers.push(404);
  // Any route answers 503 while PostgreSQL, Temporal or the worker is down or overloaded
  // (ProblemDetailsFilter: isTransientBackendError).
  answers.push(503);
  for (const status of answers) operation.responses[status] ??= problemResponse(status);
  operation.responses = sortedByStatus(operation.responses);
}

function requiresAField(
  schema: SchemaObject | ReferenceObject,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): boolean {
  const target =
    '$ref' in schema ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  return (
    !target || '$ref' in target || target.type !== 'object' || (target.required ?? []).length > 0
  );
}

/** Whether a body schema holds a UUID anywhere (a unit, a cluster, a nomination, …): the record it
 * names may not exist. */
function namesRecordById(
  schema: SchemaObject | ReferenceObject | undefined,
  schemas: Record<string, SchemaObject | ReferenceObject>,
  seen: Set<string> = new Set(),
): boolean {
  if (!schema) return false;
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return false;
    seen.add(name);
    return namesRecordById(schemas[name], schemas, seen);
  }
  if (schema.format === 'uuid') return true;
  const parts = [
    ...(schema.allOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.items ? [schema.items] : []),
    ...Object.values(schema.properties ?? {}),
  ];
  return parts.some((part) => namesRecordById(part, schemas, seen));
}

/** operationId (`<Controller>_<method>`, @nestjs/swagger's default) → its controller and handler. */
function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const found = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        found.set(`${controller.name}_${name}`, {
          controller,
          handler,
          paramPipes: pathParamPipes(controller, name),
        });
      }
    }
  }
  return found;
}

function pathParamPipes(controller: object, method: string): Map<string, unknown[]> {
  // @Param() and friends store their arguments on the controller class, by method name.
  const args: unknown = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method);
  const pipes = new Map<string, unknown[]>();
  for (const [key, arg] of Object.entries(asRecord(args))) {
    if (!key.startsWith(`${RouteParamtypes.PARAM}:`)) continue;
    const { data, pipes: list } = asRecord(arg);
    if (typeof data === 'string' && Array.isArray(list)) pipes.set(data, list);
  }
  return pipes;
}

function sortedByStatus<T>(responses: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

function isParameter(p: ParameterObject | ReferenceObject): p is ParameterObject {
  return 'in' in p;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

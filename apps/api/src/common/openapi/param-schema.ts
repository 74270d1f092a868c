import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const described = new WeakMap<object, SchemaObject>();

/** States in the OpenAPI document what a path-parameter pipe accepts (see openapi-document.ts). */
export function describedPipe<T extends object>(pipe: T, schema: SchemaObject): T {
  described.set(pipe, schema);
  return pipe;
}

/** What a path-parameter pipe accepts, if it says. */
export function paramPipeSchema(pipe: unknown): SchemaObject | undefined {
  return typeof pipe === 'object' && pipe !== null ? described.get(pipe) : undefined;
}

import { applyDecorators, Get, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

/**
 * The routes that answer a file (a PDF, an export, a template): their documentation and the
 * headers they set on the reply.
 */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv; charset=utf-8';
export const PDF = 'application/pdf';

const BINARY = { type: 'string', format: 'binary' } as const;

/** The 200 answer of a route that answers a PDF and nothing else. */
export const ApiPdfAnswer = (): MethodDecorator =>
  applyDecorators(ApiProduces(PDF), ApiOkResponse({ description: 'PDF', schema: BINARY }));

/** A read that answers a PDF: GET, its summary and its 200 answer. */
export const PdfRoute = (options: { path: string; summary: string }): MethodDecorator =>
  applyDecorators(Get(options.path), ApiOperation({ summary: options.summary }), ApiPdfAnswer());

export interface FileAnswerOptions {
  description: string;
  /** The JSON answer's DTO (`[Dto]` for a list), when the file is only asked for by ?format. */
  json?: Type<unknown> | [Type<unknown>];
  /** The media types of the files it may answer. */
  files: string[];
}

/** The 200 answer of a route that answers a file, or JSON unless ?format asks for a file. */
export function ApiFileAnswer(options: FileAnswerOptions): MethodDecorator {
  const { description, json, files } = options;
  const content: Record<string, { schema: object }> = {};
  const models: Type<unknown>[] = [];
  if (json) {
    const model = Array.isArray(json) ? json[0] : json;
    const ref = { $ref: getSchemaPath(model) };
    content['application/json'] = {
      schema: Array.isArray(json) ? { type: 'array', items: ref } : ref,
    };
    models.push(model);
  }
  for (const mediaType of files) content[mediaType] = { schema: BINARY };
  return applyDecorators(
    ...(models.length > 0 ? [ApiExtraModels(...models)] : []),
    ApiOkResponse({ description, content }),
  );
}

/** The optional Accept-Language header: the language of a generated file. */
export const ApiAcceptLanguage = (): MethodDecorator =>
  ApiHeader({ name: 'accept-language', required: false, description: 'vi (default) or en' });

/** Sets the reply's type and, with a file name, offers the file as a download of that name. */
export function fileReply(reply: FastifyReply, mediaType: string, fileName?: string): void {
  void reply.header('content-type', mediaType);
  if (fileName !== undefined) {
    void reply.header('content-disposition', `attachment; filename="${fileName}"`);
  }
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_APP_PREFIX = '/app';

/** The production build of apps/web (`npm run web:build` writes it to dist/apps/web). */
export const WEB_APP_DIR = path.resolve(__dirname, '../../../../dist/apps/web');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the web app under /app/ when its build exists: hashed assets are cached for good,
 * index.html never; any other /app/* path is a route of the single-page app and gets index.html
 * (a missing asset stays a 404); `/` redirects to `/app/`. Files are looked up per request,
 * so a rebuild is served without a restart. These routes live outside Nest's router
 * (its guard and filters do not apply); API routes are untouched. Returns whether it mounted.
 */
export async function mountWebApp(
  app: NestFastifyApplication,
  root: string = WEB_APP_DIR,
): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  await app.register(
    async (instance: FastifyInstance) => {
      await instance.register(fastifyStatic, {
        root,
        prefix: '/',
        index: false,
        cacheControl: false,
        setHeaders: (res, filePath) => {
          const asset = filePath.includes(`${path.sep}assets${path.sep}`);
          res.setHeader('cache-control', asset ? IMMUTABLE : 'no-cache');
        },
      });
      // `/app` and `/app/`: the app's entry (the directory itself would be refused).
      instance.get('/', (_req: FastifyRequest, reply: FastifyReply) =>
        reply.sendFile('index.html'),
      );
      instance.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
        const isPage = req.method === 'GET' || req.method === 'HEAD';
        if (!isPage || req.url.startsWith(`${WEB_APP_PREFIX}/assets/`)) {
          return reply.code(404).type('text/plain; charset=utf-8').send('Not Found');
        }
        return reply.sendFile('index.html');
      });
    },
    { prefix: WEB_APP_PREFIX },
  );
  const toApp = (_req: FastifyRequest, reply: FastifyReply) => reply.redirect(`${WEB_APP_PREFIX}/`);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', toApp);
  return true;
}

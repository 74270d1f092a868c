import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_APP_PREFIX = '/app/';

/** The production build of apps/web (`npm run web:build` writes it to dist/apps/web). */
export const WEB_APP_DIR = path.resolve(__dirname, '../../../../dist/apps/web');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the web app under /app/ when its build exists: hashed assets are cached for good,
 * index.html never; any other /app/* path is a route of the single-page app and gets index.html;
 * `/` and `/app` redirect to `/app/`. API routes are untouched (these live outside Nest's router,
 * so its guard and filters do not apply). Returns whether the app was mounted.
 */
export async function mountWebApp(
  app: NestFastifyApplication,
  root: string = WEB_APP_DIR,
): Promise<boolean> {
  if (!existsSync(path.join(root, 'index.html'))) return false;
  await app.register(async (instance: FastifyInstance) => {
    await instance.register(fastifyStatic, {
      root,
      prefix: WEB_APP_PREFIX,
      // One route per built file; every other /app/* path reaches the fallback below.
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const asset = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', asset ? IMMUTABLE : 'no-cache');
      },
    });
    instance.get(`${WEB_APP_PREFIX}*`, (req: FastifyRequest, reply: FastifyReply) => {
      // A missing hashed asset is a 404, not the app's HTML.
      if (req.url.startsWith(`${WEB_APP_PREFIX}assets/`)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
    const toApp = (_req: FastifyRequest, reply: FastifyReply) => reply.redirect(WEB_APP_PREFIX);
    instance.get('/app', toApp);
    instance.get('/', toApp);
  });
  return true;
}

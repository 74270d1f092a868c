import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UserRepository } from '@epw/data-access';
import { DomainException } from '@epw/domain';
import { QueuesService } from '@epw/notifications';
import { LoginThrottleService } from '../auth/login-throttle.service';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** The queues dashboard (bull-board) for administrators. Browsers navigate to it without our
 * bearer token, so it asks for HTTP Basic credentials and checks them as an ADMIN login. */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const queues = app.get(QueuesService);
  const users = app.get(UserRepository);
  const throttle = app.get(LoginThrottleService);
  const board = new BoardAdapter();
  createBullBoard({ queues: queues.all().map((q) => new BullMQAdapter(q)), serverAdapter: board });
  board.setBasePath(QUEUE_BOARD_PATH);

  const challenge = (reply: FastifyReply) =>
    reply
      .code(401)
      .header('www-authenticate', 'Basic realm="epw-admin", charset="UTF-8"')
      .send({ code: 'UNAUTHENTICATED' });

  await app.register(
    async (instance: FastifyInstance) => {
      instance.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
        if (scheme !== 'Basic' || !encoded) return challenge(reply);
        const decoded = Buffer.from(encoded, 'base64').toString('utf8');
        const sep = decoded.indexOf(':');
        const username = decoded.slice(0, sep);
        // The same failed-login limits as POST /auth/login: this is a password check too.
        try {
          await throttle.begin(username, req.ip);
        } catch (err) {
          if (!(err instanceof DomainException)) throw err;
          return reply
            .code(429)
            .header('retry-after', String(err.params['retryAfterSeconds']))
            .send({ code: err.code });
        }
        const user = await users.findByUsername(username);
        const ok =
          user?.active &&
          user.roles.includes('ADMIN') &&
          (await verify(user.passwordHash, decoded.slice(sep + 1)).catch(() => false));
        if (!ok) return challenge(reply);
        await throttle.succeeded(username, req.ip);
      });
      await instance.register(board.registerPlugin() as never);
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}

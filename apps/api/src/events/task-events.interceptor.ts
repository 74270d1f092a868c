import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { tap } from 'rxjs/operators';
import { TasksAudienceRepository, type TaskAudience } from '@epw/data-access';
import { UserEventsPublisher, type UserEvent } from '@epw/notifications';
import type { RequestWithUser } from '../auth/auth.decorators';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Some records are written by a workflow's activity just after the API answered (a new
 * nomination, the step a workflow opens next): a second event once they are in. */
const SETTLE_MS = 1_500;

/**
 * After every accepted (2xx) write, tells the users whose to-do lists it may have changed: the
 * actor and their unit, the members of the cycle it concerns, a nomination's parties and step
 * actors (the next step's included), a decision's authority and proposers. The event is a hint to
 * re-read, so a wider audience costs one cheap read each, never a wrong list.
 */
@Injectable()
export class TaskEventsInterceptor implements NestInterceptor, OnModuleDestroy {
  private readonly logger = new Logger(TaskEventsInterceptor.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly audience: TasksAudienceRepository,
    private readonly publisher: UserEventsPublisher,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    if (context.getType() !== 'http' || !WRITES.has(request.method)) return next.handle();
    return next.handle().pipe(
      tap((body: unknown) => {
        this.announce(request, body).catch((err: unknown) =>
          this.logger.warn(`live event not sent: ${(err as Error).message}`),
        );
      }),
    );
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async announce(request: RequestWithUser, body: unknown): Promise<void> {
    const route = request.routeOptions.url ?? request.url;
    const user = request.user;
    if (route.startsWith('/auth') || route.startsWith('/me/events')) return;
    if (route.startsWith('/me/')) {
      // The caller's own inbox or preferences: their other tabs re-read the inbox.
      if (user) await this.publisher.publish({ type: 'notification', userIds: [user.userId] });
      return;
    }
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const created = (body as { id?: unknown } | null | undefined)?.id;
    const createdId = typeof created === 'string' ? created : undefined;
    const parts: TaskAudience[] = [
      { unitIds: user?.unitId ? [user.unitId] : [], userIds: user ? [user.userId] : [] },
    ];
    let entity: UserEvent['entity'];
    if (params['cycleId']) {
      parts.push(await this.audience.ofCycle(params['cycleId']));
      entity = { type: 'cycle', id: params['cycleId'] };
    }
    if (params['roundId']) {
      parts.push(await this.audience.ofSigningRound(params['roundId']));
      entity = { type: 'signing-round', id: params['roundId'] };
    }
    const nominationId =
      route.startsWith('/nominations') || route.startsWith('/public/postings')
        ? (params['id'] ?? createdId)
        : undefined;
    if (nominationId) {
      parts.push(await this.audience.ofNomination(nominationId));
      entity = { type: 'nomination', id: nominationId };
    }
    const decisionId = route.startsWith('/decisions') ? (params['id'] ?? createdId) : undefined;
    if (decisionId) {
      parts.push(await this.audience.ofDecision(decisionId));
      entity = { type: 'decision', id: decisionId };
    }
    const userIds = [
      ...parts.flatMap((p) => p.userIds),
      ...(await this.audience.usersOfUnits(parts.flatMap((p) => p.unitIds))),
    ];
    const event: UserEvent = { type: 'tasks', userIds, ...(entity ? { entity } : {}) };
    await this.publisher.publish(event);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.publisher.publish(event);
    }, SETTLE_MS);
    timer.unref();
    this.timers.add(timer);
  }
}

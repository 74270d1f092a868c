import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call } from '../api/client';
import { useSession } from '../auth/auth';

/** What a live event names: the browser refreshes its views of it. */
interface EventData {
  entity: { type: string; id: string } | null;
}

const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 60_000;
/** Events of one action arrive together (and once more when its records settle): one refresh. */
const COALESCE_MS = 300;

const mentions = (query: Query, id: string) =>
  query.queryKey.some((part) => part === id || (typeof part === 'string' && part.includes(id)));

/**
 * The live events of the signed-in user (GET /me/events, server-sent events): `tasks` refreshes
 * the to-do list and the views of the entity the event names (a cycle, a signing round, a
 * nomination, a decision), `notification` the inbox. A one-minute single-use ticket opens the
 * stream (the token never goes into a URL); when the stream drops, a new ticket opens it again
 * after a growing pause. Mounted once, in the app shell.
 */
export function useLiveEvents(): void {
  const session = useSession();
  const signedIn = !!session;
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MIN_MS;
    let stopped = false;
    const pending = { tasks: false, inbox: false, entities: new Set<string>() };

    const refresh = () => {
      flush = undefined;
      const { tasks, inbox, entities } = pending;
      const ids = [...entities];
      pending.tasks = false;
      pending.inbox = false;
      entities.clear();
      if (tasks) void queryClient.invalidateQueries({ queryKey: ['me', 'tasks'] });
      if (inbox) void queryClient.invalidateQueries({ queryKey: ['me', 'notifications'] });
      if (ids.length > 0)
        void queryClient.invalidateQueries({ predicate: (q) => ids.some((id) => mentions(q, id)) });
    };
    const schedule = () => {
      flush ??= setTimeout(refresh, COALESCE_MS);
    };
    const read = (e: MessageEvent): EventData => {
      try {
        return JSON.parse(String(e.data)) as EventData;
      } catch {
        return { entity: null };
      }
    };

    const connect = async () => {
      try {
        const { ticket } = await call(api.POST('/me/events/ticket'));
        if (stopped) return;
        source = new EventSource(`/me/events?ticket=${encodeURIComponent(ticket)}`);
        source.addEventListener('ready', () => {
          delay = RETRY_MIN_MS;
        });
        source.addEventListener('tasks', (e) => {
          pending.tasks = true;
          const entity = read(e).entity;
          if (entity) pending.entities.add(entity.id);
          schedule();
        });
        source.addEventListener('notification', () => {
          pending.inbox = true;
          pending.tasks = true;
          schedule();
        });
        // The browser would retry with the same (used) ticket: open anew instead.
        source.onerror = () => {
          source?.close();
          source = null;
          again();
        };
      } catch {
        again();
      }
    };
    const again = () => {
      if (stopped) return;
      retry = setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };

    void connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retry);
      clearTimeout(flush);
    };
  }, [signedIn, queryClient]);
}

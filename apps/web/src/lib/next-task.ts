import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/auth';
import { useCurrentCycle } from './cycle-context';

export type Task = components['schemas']['TaskDto'];
export type TaskList = components['schemas']['TaskListDto'];
export type TaskCounts = components['schemas']['TaskCountsDto'];

/** Query keys of the to-do list (the live events refresh everything under `['me', 'tasks']`). */
export const taskKeys = {
  all: ['me', 'tasks'] as const,
  list: ['me', 'tasks', 'list'] as const,
};

async function fetchTasks(): Promise<TaskList> {
  return call(api.GET('/me/tasks'));
}

/** Everything waiting on the signed-in user, oldest deadline first, with the menu counts. Kept
 * fresh by the live events (useLiveEvents), not by polling. */
export function useTasks() {
  const session = useSession();
  return useQuery({
    queryKey: taskKeys.list,
    enabled: !!session,
    queryFn: fetchTasks,
    staleTime: 60_000,
  });
}

/** The app path of a task's page (with the app's cycle switched to the task's). */
export function useOpenTask(): (task: Task) => void {
  const navigate = useNavigate();
  const { cycles, select } = useCurrentCycle();
  return useCallback(
    (task: Task) => {
      const cycleId = task.entities.cycleId;
      if (cycleId && cycles.some((c) => c.id === cycleId)) select(cycleId);
      void navigate(task.link);
    },
    [cycles, navigate, select],
  );
}

/**
 * "Next item": after an action on a task page, the page calls `offerNext()` (shows the next task
 * with a button that opens it) or `openNext()` (opens it straight away). Both re-read the to-do
 * list first, so the task just done is gone; the task of the page the user is on is skipped.
 * Without any task left, `openNext()` goes to the to-do list, which says so.
 */
export function useNextTask(): {
  /** The next task as the list stands now (undefined while loading or when none is left). */
  next: Task | undefined;
  offerNext: () => Promise<Task | undefined>;
  openNext: () => Promise<Task | undefined>;
} {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const open = useOpenTask();
  const tasks = useTasks();
  const here = `${location.pathname}${location.search}`;
  const pick = useCallback(
    (list: TaskList | undefined) => list?.items.find((task) => task.link !== here),
    [here],
  );

  const fresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    return pick(await queryClient.fetchQuery({ queryKey: taskKeys.list, queryFn: fetchTasks }));
  }, [pick, queryClient]);

  const offerNext = useCallback(async () => {
    const task = await fresh();
    notifications.show({
      id: 'next-task',
      color: 'blue',
      title: task ? t('todo.nextTitle') : t('todo.allDoneTitle'),
      message: task ? t('todo.nextMessage', { title: task.title }) : t('todo.allDone'),
      autoClose: 8_000,
      onClick: () => {
        notifications.hide('next-task');
        if (task) open(task);
        else void navigate('/tasks');
      },
      style: { cursor: 'pointer' },
    });
    return task;
  }, [fresh, navigate, open, t]);

  const openNext = useCallback(async () => {
    const task = await fresh();
    if (task) open(task);
    else void navigate('/tasks');
    return task;
  }, [fresh, navigate, open]);

  return { next: pick(tasks.data), offerNext, openNext };
}

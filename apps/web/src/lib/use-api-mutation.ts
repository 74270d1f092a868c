import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorsFor, valueAtPath, type FieldViolation } from '../api/problem';
import { describeViolation } from '../api/violations';

interface ApiMutationOptions<TVars, TData> {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** The form whose inputs show the API's field errors (`errors[].field`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form's values
  form?: UseFormReturnType<any, any>;
  /** API field name → form path, where they differ. */
  rename?: Record<string, string>;
  /** Problem code → form path, for rule violations the API reports without `errors[]`. */
  codeFields?: Record<string, string>;
  /** Problem codes the caller shows itself (no notification). */
  quietCodes?: string[];
  /** Shown as a success notification. */
  successMessage?: string | ((data: TData) => string);
  /** Queries to refresh after success. */
  invalidate?: QueryKey[];
  onSuccess?: (data: TData, vars: TVars) => void;
}

/**
 * A user action against the API: errors naming a field go next to that input; everything else
 * (rule violations, conflicts, network failures) becomes one notification with the API's message.
 */
export function useApiMutation<TVars = void, TData = unknown>(
  options: ApiMutationOptions<TVars, TData>,
) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { form, rename, codeFields, successMessage, invalidate } = options;

  return useMutation<TData, Error, TVars>({
    mutationFn: options.mutationFn,
    onSuccess: async (data, vars) => {
      if (successMessage) {
        notifications.show({
          color: 'green',
          title: t('common.done'),
          message: typeof successMessage === 'function' ? successMessage(data) : successMessage,
        });
      }
      options.onSuccess?.(data, vars);
      await Promise.all(
        (invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: (error) => {
      const apiError =
        error instanceof ApiError
          ? error
          : ApiError.network(error.message || t('errors.unexpected'));
      const described: FieldViolation[] = apiError.errors.map((v) => ({
        ...v,
        message: describeViolation(v, t, i18n.language),
      }));
      let unmatched = described;
      let shownOnForm = false;
      if (form) {
        const values: unknown = form.getValues();
        const result = fieldErrorsFor(
          described,
          (path) => valueAtPath(values, path) !== undefined,
          rename,
        );
        unmatched = result.unmatched;
        const errors: Record<string, string> = { ...result.byField };
        const codePath = codeFields?.[apiError.code];
        if (codePath) errors[codePath] = describe(apiError);
        if (Object.keys(errors).length > 0) {
          form.setErrors(errors);
          shownOnForm = true;
        }
      }
      if (shownOnForm && unmatched.length === 0) return;
      if (options.quietCodes?.includes(apiError.code)) return;
      notifications.show({
        color: 'red',
        title: apiError.status === 0 ? t('errors.networkTitle') : t('errors.title'),
        message: [
          apiError.status === 0 ? t('errors.network') : apiError.message,
          ...unmatched.map((v) => `${v.field}: ${v.message}`),
        ].join('\n'),
        autoClose: 10_000,
        style: { whiteSpace: 'pre-line' },
      });
    },
  });
}

/** The API's message plus the list of problems some rules attach (e.g. an invalid rule set). */
function describe(error: ApiError): string {
  const problems = error.params['problems'];
  return typeof problems === 'string' && problems ? `${error.message}\n${problems}` : error.message;
}

import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import {
  Badge,
  createTheme,
  defaultVariantColorsResolver,
  Drawer,
  FileInput,
  MantineProvider,
  Modal,
  NavLink,
  MultiSelect,
  Notification,
  Select,
  TagsInput,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/problem';
import { StepUpDialog } from './components/step-up-dialog';
import { router } from './routes';

/** Colours whose shade-8 fill is too light for white text at WCAG AA (4.5:1). */
const LIGHT_FILLS = new Set(['green', 'teal', 'lime', 'yellow', 'orange', 'cyan']);

/** "Light" badges and buttons put shade-6/8 text on a pale tint: below AA contrast for green,
 * orange and grape. Their text is darkened to keep at least 4.5:1; so are the filled buttons of
 * the light colours. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({
    color: input.color ?? input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor) return colors;
  if (input.variant === 'filled' && LIGHT_FILLS.has(parsed.color)) {
    const fill = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9), black 25%)`;
    return { ...colors, background: fill, hover: `color-mix(in srgb, ${fill}, black 10%)` };
  }
  if (input.variant !== 'light') return colors;
  return {
    ...colors,
    color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9), black 30%)`,
  };
};

const baseTheme = createTheme({
  variantColorResolver,
  primaryColor: 'blue',
  // Shade 8 keeps white text on buttons above WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
});

/** The theme in the reader's language: dialogs' close buttons are named for screen readers. */
const themeFor = (labels: { close: string; closeNotice: string; clear: string }) =>
  createTheme({
    ...baseTheme,
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': labels.close } } }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.closeNotice } },
        // Mantine's grey-6 description is below AA contrast on white.
        styles: { description: { color: 'var(--mantine-color-gray-7)' } },
      }),
      // A long status ("ĐANG XÉT DUYỆT") wraps inside its badge instead of being cut off.
      Badge: Badge.extend({
        styles: {
          root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%' },
          label: {
            whiteSpace: 'normal',
            overflow: 'visible',
            textOverflow: 'clip',
            lineHeight: 1.25,
          },
        },
      }),
      // With a variant set, the active link's colours come from variantColorResolver (AA).
      NavLink: NavLink.extend({ defaultProps: { variant: 'light' } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': labels.clear } } }),
      FileInput: FileInput.extend({
        defaultProps: { clearButtonProps: { 'aria-label': labels.clear } },
      }),
      TagsInput: TagsInput.extend({
        defaultProps: { clearButtonProps: { 'aria-label': labels.clear } },
      }),
      MultiSelect: MultiSelect.extend({
        defaultProps: { clearButtonProps: { 'aria-label': labels.clear } },
      }),
    },
  });

/** Mantine's default "dimmed" grey and error red are below AA contrast for small text on white. */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Links stay at AA contrast also on the pale tints of notices and alerts.
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // Retry only what may pass on a second try: the network and the server's own failures.
      retry: (count, error) =>
        count < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

export function App() {
  const { i18n, t } = useTranslation();
  const [close, closeNotice, clear] = [
    t('common.closeDialog'),
    t('common.closeNotice'),
    t('common.clearChoice'),
  ];
  const theme = useMemo(() => themeFor({ close, closeNotice, clear }), [close, closeNotice, clear]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider
        settings={{
          locale: i18n.language === 'en' ? 'en' : 'vi',
          firstDayOfWeek: 1,
          weekendDays: [0, 6],
        }}
      >
        <Notifications position="top-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
          <StepUpDialog />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

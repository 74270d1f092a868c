import {
  ActionIcon,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Divider,
  Group,
  Indicator,
  Menu,
  NavLink,
  Progress,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsMutating } from '@tanstack/react-query';
import { IconAward, IconBell, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useUnreadCount } from '../api/queries';
import { capabilitiesOf, useLogout, useMe } from '../auth/auth';
import { CyclePicker } from '../components/cycle-picker';
import { LanguageSwitch } from '../components/language-switch';
import { useLiveEvents } from '../lib/live-events';
import { useTasks } from '../lib/next-task';
import { NAVIGATION } from './navigation';
import { SecondFactorReminder } from '../pages/account/second-factor-page';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (
    (words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** The frame of every signed-in page: header (language, inbox, account), the menu for the user's
 * roles with the cycle picker, and a progress bar while an action is being carried out. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const unread = useUnreadCount(!!me.data);
  // The one live event stream of the session: it keeps the to-do list, the inbox and the open
  // page's records fresh without polling.
  useLiveEvents();
  const tasks = useTasks();
  const counts = tasks.data?.counts;
  /** How many tasks a menu item stands for (the to-do list: all of them). */
  const countFor = (to: string) =>
    to === '/tasks' ? (counts?.total ?? 0) : (counts?.byMenu.find((c) => c.key === to)?.count ?? 0);
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const busy = useIsMutating() > 0;
  const unreadCount = unread.data?.unread ?? 0;
  // Cycles belong to clusters: accounts of a unit outside every cluster (the deciding authorities)
  // have none to pick; administrators look at every cluster's.
  const showCyclePicker = caps.isAdmin || (me.data?.clusters.length ?? 0) > 0;

  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);
  const badge = (to: string) => {
    const count = countFor(to);
    if (count === 0) return undefined;
    return (
      <Badge
        size="sm"
        variant="filled"
        color="red.8"
        circle={count < 10}
        data-testid={`menu-count-${to.slice(1)}`}
      >
        {count > 99 ? '99+' : count}
        <VisuallyHidden> {t('todo.menuCountSuffix')}</VisuallyHidden>
      </Badge>
    );
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        {busy ? (
          <Progress
            value={100}
            animated
            striped
            size={3}
            radius={0}
            pos="absolute"
            top={0}
            left={0}
            right={0}
            aria-label={t('common.working')}
          />
        ) : null}
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            {/* Named by its visible text (full or short, by screen width) and a hidden "home". */}
            <UnstyledButton component={Link} to="/">
              <Group gap={8} wrap="nowrap">
                <ThemeIcon color="red.8" size="md" radius="sm" aria-hidden>
                  <IconAward size={18} />
                </ThemeIcon>
                <Text fw={700} size="md" truncate visibleFrom="xs">
                  {t('app.name')}
                </Text>
                <Text fw={700} size="md" hiddenFrom="xs">
                  {t('app.shortName')}
                </Text>
                <VisuallyHidden>{t('app.homeSuffix')}</VisuallyHidden>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Tooltip label={t('nav.inbox')}>
              <Indicator
                label={unreadCount > 99 ? '99+' : unreadCount}
                size={16}
                disabled={unreadCount === 0}
                color="red.8"
                offset={4}
              >
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  component={Link}
                  to="/inbox"
                  aria-label={t('nav.inboxUnread', { count: unreadCount })}
                >
                  <IconBell size={20} />
                </ActionIcon>
              </Indicator>
            </Tooltip>
            <Menu position="bottom-end" withArrow>
              <Menu.Target>
                <UnstyledButton data-testid="account-menu">
                  {/* The initials are a picture of the account; the button's name says what it is
                   * (a name given by aria-label would not contain the visible initials). */}
                  <VisuallyHidden>{t('nav.account')}</VisuallyHidden>
                  <Avatar color="blue" radius="xl" size={32} aria-hidden>
                    {initials(me.data?.fullName ?? me.data?.username ?? '?')}
                  </Avatar>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Box px="sm" py={6} maw={280}>
                  <Text size="sm" fw={600}>
                    {me.data?.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {me.data?.username}
                    {me.data?.unitName ? ` · ${me.data.unitName}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {(me.data?.roles ?? [])
                      .map((r) => t(`role.${r}` as 'role.ADMIN', { defaultValue: r }))
                      .join(', ')}
                  </Text>
                </Box>
                <Menu.Divider />
                <Menu.Item
                  component={Link}
                  to="/account/second-factor"
                  leftSection={<IconShieldLock size={16} />}
                >
                  {t('secondFactor.menu')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => {
                    void logout().then(() => navigate('/login'));
                  }}
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        {showCyclePicker ? (
          <AppShell.Section mb="sm">
            <CyclePicker />
          </AppShell.Section>
        ) : null}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAVIGATION.map((section) => {
              const items = section.items.filter((item) => item.visible(caps));
              if (items.length === 0) return null;
              return (
                <Box key={section.label ?? 'top'}>
                  {section.label ? (
                    <>
                      <Divider my={6} />
                      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
                        {t(section.label as 'nav.unitSection')}
                      </Text>
                    </>
                  ) : null}
                  {items.map((item) => (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      label={t(item.label as 'nav.dashboard')}
                      leftSection={<item.icon size={18} aria-hidden />}
                      rightSection={badge(item.to)}
                      active={isActive(item.to)}
                      onClick={close}
                      aria-current={isActive(item.to) ? 'page' : undefined}
                    />
                  ))}
                </Box>
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1200} mx="auto">
          <SecondFactorReminder />
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

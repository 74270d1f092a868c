import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowsMove,
  IconChevronDown,
  IconChevronRight,
  IconPlus,
  IconSearch,
  IconUsers,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits, type Unit } from '../../api/directory';
import { useOrganisationTree } from '../../api/organisations';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { buildForest, visibleIds, type TreeUnit } from '../../lib/organisation-tree';
import { MoveUnitModal, UnitMembersDrawer, UnitCreateModal } from './organisation-dialogs';

/**
 * Cây tổ chức: the organisations the caller administers (every one for the global administrator,
 * the own organisation's subtree for an organisation administrator), level by level, with their
 * level and kind; a child unit is created, a unit moved with its subtree, and a unit's accounts
 * and people looked at from here.
 */
export function OrganisationTreePage() {
  const { t } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const units = useUnits();
  // The organisations above an organisation administrator's own (a breadcrumb of where it sits).
  const own = useOrganisationTree(caps.isAdmin ? null : me.data?.unitId);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [creating, setCreating] = useState<Unit | 'top' | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const [members, setMembers] = useState<Unit | null>(null);

  const forest = useMemo(() => buildForest(units.data ?? []), [units.data]);
  const needle = search.trim().toLocaleLowerCase('vi');
  const matches = useMemo(() => (needle ? visibleIds(forest, needle) : null), [forest, needle]);
  // By default the top two levels are open; a search opens the way to every match.
  const open = (id: string, depth: number) =>
    matches ? matches.has(id) : expanded ? expanded.has(id) : depth < 1;
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current ?? forest.map((root) => root.unit.id));
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const all = forest.flatMap((r) => flatten(r));
  const ownRootId = caps.isAdmin ? null : (me.data?.unitId ?? null);

  const renderNode = (node: TreeUnit, depth: number) => {
    const u = node.unit;
    const hasChildren = node.children.length > 0;
    // While searching, only the way to the matches is shown.
    const shownChildren = matches
      ? node.children.filter((c) => matches.has(c.unit.id))
      : node.children;
    const isOpen = shownChildren.length > 0 && open(u.id, depth);
    const childListId = `org-children-${u.id}`;
    return (
      <li key={u.id} data-testid={`org-${u.code}`}>
        <Group gap="xs" wrap="nowrap" py={4} className="org-row">
          {hasChildren ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-expanded={isOpen}
              aria-controls={isOpen ? childListId : undefined}
              aria-label={
                isOpen
                  ? t('orgTree.collapse', { name: u.name })
                  : t('orgTree.expand', { name: u.name })
              }
              onClick={() => toggle(u.id)}
            >
              {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          ) : (
            <span style={{ display: 'inline-block', width: 22 }} aria-hidden />
          )}
          <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} size="sm">
                {u.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {u.code}
              </Text>
            </Group>
            <Group gap={6} wrap="wrap">
              <Badge variant="light" color="blue" tt="none" size="sm">
                {u.level ? t(`unitLevel.${u.level}`) : t('orgTree.noLevel')}
              </Badge>
              {u.orgKind ? (
                <Badge variant="light" color="grape" tt="none" size="sm">
                  {t(`orgKind.${u.orgKind}`)}
                </Badge>
              ) : null}
              {u.kind === 'AUTHORITY' ? (
                <Badge variant="light" color="orange" tt="none" size="sm">
                  {t('unitKind.AUTHORITY')}
                </Badge>
              ) : null}
              {u.id === ownRootId ? (
                <Badge variant="light" color="teal" tt="none" size="sm">
                  {t('orgTree.ownOrganisation')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('orgTree.members', { code: u.code })}>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconUsers size={14} aria-hidden />}
                // The visible count is part of the name (it says how many accounts there are).
                aria-label={`${t('orgTree.members', { code: u.code })}: ${u.userCount}`}
                onClick={() => setMembers(u)}
              >
                {u.userCount}
              </Button>
            </Tooltip>
            <Tooltip label={t('orgTree.addChild', { code: u.code })}>
              <ActionIcon
                variant="subtle"
                aria-label={t('orgTree.addChild', { code: u.code })}
                onClick={() => setCreating(u)}
              >
                <IconPlus size={16} />
              </ActionIcon>
            </Tooltip>
            {u.id !== ownRootId ? (
              <Tooltip label={t('orgTree.move', { code: u.code })}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('orgTree.move', { code: u.code })}
                  onClick={() => setMoving(u)}
                >
                  <IconArrowsMove size={16} />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </Group>
        </Group>
        {isOpen ? (
          <ul id={childListId} style={{ listStyle: 'none', margin: 0, paddingLeft: 24 }}>
            {shownChildren.map((c) => renderNode(c, depth + 1))}
          </ul>
        ) : null}
      </li>
    );
  };

  const above = own.data?.ancestors ?? [];
  return (
    <>
      <PageHeader
        title={t('orgTree.title')}
        description={t('orgTree.description')}
        actions={
          caps.isAdmin ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('top')}>
              {t('orgTree.addTop')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Text size="sm">
          {caps.isAdmin
            ? t('orgTree.scopeAll')
            : me.data?.unitName
              ? t('orgTree.scopeSubtree', { name: me.data.unitName })
              : t('orgTree.scopeNone')}
        </Text>
        {above.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="org-ancestors">
            {t('orgTree.above', { path: above.map((a) => a.name).join(' › ') })}
          </Text>
        ) : null}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('orgTree.search')}
            placeholder={t('orgTree.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
          <Button
            variant="default"
            onClick={() => setExpanded(new Set(all.map((n) => n.unit.id)))}
            disabled={!!matches}
          >
            {t('orgTree.expandAll')}
          </Button>
          <Button variant="default" onClick={() => setExpanded(new Set())} disabled={!!matches}>
            {t('orgTree.collapseAll')}
          </Button>
        </Group>
        <QueryState isLoading={units.isLoading} error={units.error}>
          <Text size="sm" c="dimmed">
            {t('orgTree.count', { count: all.length })}
          </Text>
          {forest.length === 0 ? (
            <Alert color="gray" variant="light">
              {caps.isAdmin ? t('common.nothingFound') : t('orgTree.scopeNone')}
            </Alert>
          ) : (
            <Card withBorder padding="sm">
              <nav aria-label={t('orgTree.title')}>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="org-tree">
                  {forest
                    .filter((root) => !matches || matches.has(root.unit.id))
                    .map((root) => renderNode(root, 0))}
                </ul>
              </nav>
              {matches && matches.size === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('common.nothingFound')}
                </Text>
              ) : null}
            </Card>
          )}
        </QueryState>
      </Stack>
      <UnitCreateModal
        parent={creating === 'top' ? null : creating}
        opened={creating !== null}
        onClose={() => setCreating(null)}
        onCreated={(parentId) => parentId && setExpanded((s) => new Set([...(s ?? []), parentId]))}
      />
      <MoveUnitModal
        unit={moving}
        units={units.data ?? []}
        canMoveToTop={caps.isAdmin}
        onClose={() => setMoving(null)}
      />
      <UnitMembersDrawer unit={members} onClose={() => setMembers(null)} />
    </>
  );
}

function flatten(node: TreeUnit, depth = 0): { unit: Unit; depth: number }[] {
  return [{ unit: node.unit, depth }, ...node.children.flatMap((c) => flatten(c, depth + 1))];
}

import { Button, Drawer, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The main action of a page of versioned definitions (rule sets, award forms): a new version. */
export function NewVersionLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Button component={Link} to={to} leftSection={<IconPlus size={16} />}>
      {children}
    </Button>
  );
}

/** One version of a definition, read in a side drawer, with a link to start a new version from it. */
export function DefinitionDrawer(props: {
  /** The drawer is open while this is set. */
  title: string | undefined;
  onClose: () => void;
  newFrom: { to: string; label: string };
  children: ReactNode;
}) {
  const open = props.title !== undefined;
  return (
    <Drawer opened={open} onClose={props.onClose} title={props.title} position="right" size="xl">
      {open ? (
        <Stack>
          <Group>
            <Button component={Link} to={props.newFrom.to} size="xs" variant="light">
              {props.newFrom.label}
            </Button>
          </Group>
          {props.children}
        </Stack>
      ) : null}
    </Drawer>
  );
}

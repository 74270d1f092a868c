import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Tabs whose choice is kept in the address (`?param=value`; the first tab, the default, has
 * none), so a link or a reload opens the same tab. Only the shown panel is mounted.
 */
export function QueryParamTabs<V extends string>(props: {
  param: string;
  tabs: readonly [{ value: V; label: ReactNode }, ...{ value: V; label: ReactNode }[]];
  /** The panel of a tab. */
  children: (value: V) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const first = props.tabs[0].value;
  const value = props.tabs.find((tab) => tab.value === params.get(props.param))?.value ?? first;
  return (
    <Tabs
      value={value}
      onChange={(v) => setParams(v && v !== first ? { [props.param]: v } : {})}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {props.tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {props.tabs.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {props.children(tab.value)}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

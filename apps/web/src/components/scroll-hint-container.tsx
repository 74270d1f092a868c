import { Box, Table } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const EDGE = 'rgba(0, 0, 0, 0.18)';
const shadow = (side: 'left' | 'right') =>
  ({
    position: 'absolute',
    top: 0,
    bottom: 0,
    [side]: 0,
    width: 16,
    pointerEvents: 'none',
    zIndex: 1,
    background: `linear-gradient(to ${side === 'left' ? 'right' : 'left'}, ${EDGE}, transparent)`,
  }) as const;

/**
 * A table's scroll container that shows it scrolls: a shadow on each edge with more columns
 * beyond it (a phone shows a wide table's first columns only, and nothing else says there are
 * more).
 */
export function ScrollHintContainer({
  minWidth,
  children,
}: {
  minWidth: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  const measure = useCallback(() => {
    const el = viewport.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
  }, []);
  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);
  return (
    <Box pos="relative" data-scrolls={edges.left || edges.right ? 'x' : undefined}>
      {edges.left ? <div aria-hidden style={shadow('left')} /> : null}
      {edges.right ? <div aria-hidden style={shadow('right')} /> : null}
      <Table.ScrollContainer
        minWidth={minWidth}
        scrollAreaProps={{
          viewportRef: viewport,
          onScrollPositionChange: measure,
          // A table wider than the screen scrolls from the keyboard too (arrow keys once focused).
          viewportProps:
            edges.left || edges.right
              ? { tabIndex: 0, role: 'region', 'aria-label': t('common.scrollsSideways') }
              : {},
        }}
      >
        {children}
      </Table.ScrollContainer>
    </Box>
  );
}

import { Code, Divider, JsonInput, Text, Title, type JsonInputProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** The editor of a versioned definition's content (rule sets, award forms): monospace JSON. */
export function JsonContentInput(props: JsonInputProps) {
  return (
    <JsonInput
      formatOnBlur
      autosize
      minRows={12}
      maxRows={30}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      {...props}
    />
  );
}

/** A definition's content as stored, under its label. */
export function JsonContentBlock({ label, content }: { label: string; content: unknown }) {
  return (
    <>
      <Divider label={label} labelPosition="left" />
      {/* Focusable, so that a keyboard can scroll it (WCAG 2.1.1). */}
      <Code block style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0}>
        {JSON.stringify(content, null, 2)}
      </Code>
    </>
  );
}

/** One labelled fact of a definition's content (a rule set's threshold, a form's level). */
export function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** A titled part of a definition's content (its criteria, its approval chain). */
export function ContentSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h5" mb={6}>
        {title}
      </Title>
      {children}
    </div>
  );
}

import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n';
import { formatDateTime, fromNow, isPast } from '../lib/dates';

/** A deadline on Vietnam's clock with how far away it is ("còn 3 ngày", "quá hạn"). On an
 * accelerated calendar days pass in seconds, so seconds are shown. */
export function Deadline(props: { at: string; accelerated?: boolean; size?: string }) {
  const { t } = useTranslation();
  const past = isPast(props.at);
  return (
    <Tooltip label={t('common.vietnamTime')} withArrow>
      <Text component="span" size={props.size ?? 'sm'} c={past ? 'red.8' : undefined}>
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(props.at, { seconds: props.accelerated })}
        </span>{' '}
        <Text component="span" size="xs" c={past ? 'red.8' : 'dimmed'}>
          (
          {past
            ? t('common.overdueSince', { when: fromNow(props.at, currentLocale()) })
            : fromNow(props.at, currentLocale())}
          )
        </Text>
      </Text>
    </Tooltip>
  );
}

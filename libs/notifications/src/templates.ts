export interface MessageText {
  title: string;
  body: string;
}

/** 2026-01-20 → 20/01/2026. */
export const dueText = (dueOn: string) =>
  `${dueOn.slice(8, 10)}/${dueOn.slice(5, 7)}/${dueOn.slice(0, 4)}`;

/** Vietnamese first; English for users who chose it. */
export function reminderText(
  locale: string,
  p: { title: string; dueOn: string; offset: number; unitName: string; overdue?: boolean },
): MessageText {
  // Rebuilt after the deadline (Redis lost it just before): it must not count days that are gone.
  if (p.overdue) {
    return locale === 'en'
      ? {
          title: `Reminder: ${p.title} – overdue since ${dueText(p.dueOn)}`,
          body: `"${p.title}" was due ${dueText(p.dueOn)}. ${p.unitName} has not done it yet.`,
        }
      : {
          title: `Nhắc hạn: ${p.title} – đã quá hạn ${dueText(p.dueOn)}`,
          body: `Đã quá hạn ${dueText(p.dueOn)} của "${p.title}". ${p.unitName} chưa thực hiện.`,
        };
  }
  if (locale === 'en') {
    return {
      title: `Reminder: ${p.title} by ${dueText(p.dueOn)}`,
      body: `${p.offset} working day(s) left until ${dueText(p.dueOn)} for "${p.title}". ${p.unitName} has not done it yet.`,
    };
  }
  return {
    title: `Nhắc hạn: ${p.title} trước ${dueText(p.dueOn)}`,
    body: `Còn ${p.offset} ngày làm việc đến hạn ${dueText(p.dueOn)} của "${p.title}". ${p.unitName} chưa thực hiện.`,
  };
}

export function escalationText(
  locale: string,
  p: { title: string; dueOn: string; late: { code: string; name: string }[] },
): MessageText {
  const since = `${dueText(p.dueOn)} 23:59`;
  const list = p.late.map((u) => `${u.code} – ${u.name}`).join('; ');
  if (locale === 'en') {
    return {
      title: `Overdue: ${p.title} (${p.late.length} unit(s) late)`,
      body: `Since ${since} (Asia/Ho_Chi_Minh) these units have not completed "${p.title}": ${list}.`,
    };
  }
  return {
    title: `Quá hạn: ${p.title} (${p.late.length} đơn vị chưa thực hiện)`,
    body: `Từ ${since} các đơn vị sau chưa hoàn thành "${p.title}": ${list}.`,
  };
}

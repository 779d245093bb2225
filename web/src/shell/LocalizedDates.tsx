import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

/** Keeps Mantine date pickers and dayjs in the UI language. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-cn' : 'en';
  useEffect(() => {
    dayjs.locale(locale);
  }, [locale]);
  return <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'zh-cn' ? 1 : 0 }}>{children}</DatesProvider>;
}

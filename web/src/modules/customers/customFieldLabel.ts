import type { CustomField } from './types';

/** Custom fields carry their own labels in both UI languages. */
export function customFieldLabel(field: Pick<CustomField, 'label' | 'label_zh' | 'key'>, language: string): string {
  if (language === 'zh-CN' && field.label_zh) return field.label_zh;
  return field.label || field.key;
}

import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileSpreadsheet, IconFileTypeCsv, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../platform/api';
import { downloadFile } from '../../platform/downloadFile';
import type { FilterNode } from '../../platform/listTypes';
import { filterParam } from '../../platform/listTypes';
import { useCan } from '../accounts/useSession';
import { exportErrorMessage } from './exportErrorMessage';
import { ExportJobModal } from './ExportJobModal';
import type { CustomerObject } from './types';

type ExportFormat = 'csv' | 'xlsx';

interface Props {
  object: CustomerObject;
  /** What the list shows: the same filter, quick search and sort produce the file. */
  filter: FilterNode | undefined;
  sort: string;
  q: string;
}

/**
 * Export the current list to CSV or XLSX. Up to 10,000 rows the server streams the file at once;
 * above that it answers 422 EXPORT_REQUIRES_JOB and the export runs as a background job instead.
 */
export function ExportMenu({ object, filter, sort, q }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  if (!can(object, 'export')) return null;

  const params = { filter: filterParam(filter), sort: sort || undefined, q: q.trim() || undefined };

  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await downloadFile(`/${object}/export`, { format, ...params }, `${object}.${format}`);
      notifications.show({ color: 'teal', message: t('export.downloaded') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EXPORT_REQUIRES_JOB') {
        try {
          const started = await api.post<{ job_id: string }>('/exports', { object, format, filter: params.filter ?? null, sort: params.sort, q: params.q });
          setJobId(started.job_id);
        } catch (jobError) {
          notifications.show({ color: 'red', title: t('export.failed'), message: exportErrorMessage(jobError, t) });
        }
      } else {
        notifications.show({ color: 'red', title: t('export.failed'), message: exportErrorMessage(error, t) });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconFileExport size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy !== null}
            data-testid="export-menu"
          >
            {t('export.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void run('csv')} data-testid="export-csv">
            {t('export.csv')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')} data-testid="export-xlsx">
            {t('export.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ExportJobModal jobId={jobId} onClose={() => setJobId(null)} />
    </>
  );
}

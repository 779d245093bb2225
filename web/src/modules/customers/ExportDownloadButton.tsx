import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../platform/downloadFile';
import { exportErrorMessage } from './exportErrorMessage';

interface Props {
  jobId: string;
  size?: 'xs' | 'sm';
}

/** Saves the file of a finished export job (only its starter may download it; the server answers 404 to others). */
export function ExportDownloadButton({ jobId, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(`/exports/${jobId}/download`, undefined, `export-${jobId}`);
    } catch (error) {
      notifications.show({ color: 'red', title: t('export.failed'), message: exportErrorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size={size} leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void download()} data-testid="export-download">
      {t('export.download')}
    </Button>
  );
}

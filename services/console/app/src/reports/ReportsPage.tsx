import { Content, Gallery, PageSection, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { REPORTS } from './catalog.ts';
import { ReportCard } from './ReportCard.tsx';

/** Reports: every report of the reporting service, each with its own filter form. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('title')}</Title>
        <Content component="p">{t('intro')}</Content>
      </PageSection>
      <PageSection>
        <Gallery
          hasGutter
          minWidths={{ default: '320px' }}
          component="ul"
          aria-label={t('listLabel')}
        >
          {REPORTS.map((report) => (
            <li key={report.name}>
              <ReportCard report={report} />
            </li>
          ))}
        </Gallery>
      </PageSection>
    </>
  );
}

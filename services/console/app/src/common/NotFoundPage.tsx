import {
  Button,
  EmptyState,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { toDevices } from '../devices/routes.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageSection>
      <EmptyState titleText={t('notFound.title')} headingLevel="h1">
        <EmptyStateBody>{t('notFound.body')}</EmptyStateBody>
        <EmptyStateFooter>
          <Button
            variant="primary"
            component={(props: object) => <Link {...props} to={toDevices()} />}
          >
            {t('notFound.back')}
          </Button>
        </EmptyStateFooter>
      </EmptyState>
    </PageSection>
  );
}

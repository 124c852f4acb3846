import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  FlexItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';
import { type ChainReport, useVerifyChain } from './useAudit.ts';

function Verdict(props: { report: ChainReport }) {
  const { t } = useTranslation('audit');
  const { partitions } = props.report;
  const failed = partitions.find((p) => !p.ok);
  if (!failed) {
    const count = partitions.reduce((sum, p) => sum + p.checked, 0);
    return (
      <Alert
        isInline
        variant="success"
        title={t('chain.intact', {
          count,
          partitions: partitions.map((p) => p.partition).join(', ') || t('none'),
        })}
      />
    );
  }
  const broken = failed.broken;
  const where = {
    partition: failed.partition,
    index: String(broken?.index ?? failed.headIndex ?? 0),
    eventId: broken?.eventId ?? '',
    reason: broken?.reason ?? 'HEAD_MISMATCH',
  };
  return (
    <Alert isInline variant="danger" title={t('chain.brokenTitle')}>
      <Content component="p">
        {broken?.eventId ? t('chain.broken', where) : t('chain.brokenNoEvent', where)}
      </Content>
      {broken?.message && <Content component="p">{broken.message}</Content>}
    </Alert>
  );
}

/** The hash chain's verification state, and "Verify now" (GET /audit/verify). */
export function ChainVerification() {
  const { t } = useTranslation('audit');
  const verify = useVerifyChain();
  return (
    <Card isPlain isCompact>
      <CardTitle component="h2">{t('chain.title')}</CardTitle>
      <CardBody>
        <Flex direction={{ default: 'column' }}>
          <FlexItem aria-live="polite">
            {verify.isIdle && <Content component="p">{t('chain.notVerified')}</Content>}
            {verify.isPending && <Content component="p">{t('chain.verifying')}</Content>}
            {verify.isError && (
              <Alert isInline variant="danger" title={t('chain.failed')}>
                {errorMessage(verify.error)}
              </Alert>
            )}
            {verify.isSuccess && <Verdict report={verify.data} />}
          </FlexItem>
          <FlexItem>
            <Button
              variant="secondary"
              onClick={() => verify.mutate()}
              isLoading={verify.isPending}
              isDisabled={verify.isPending}
            >
              {t('chain.verify')}
            </Button>
          </FlexItem>
        </Flex>
      </CardBody>
    </Card>
  );
}

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Outcome of an enrollment per event type (identity's saga and the gateway's view of it). */
export const ENROLLMENT_OUTCOMES: Readonly<Record<string, string>> = {
  'keyward.enrollment.completed': 'completed',
  'keyward.enrollment.failed': 'failed',
  'keyward.enrollment.expired': 'expired',
  'keyward.enrollment.cancelled': 'cancelled',
};

export interface ReportingMetrics {
  events: Counter<'type'>;
  duplicates: Counter<'type'>;
  enrollments: Counter<'outcome'>;
  /** Event time (producer clock) to audit record stored and chained. */
  latency: Histogram<'type'>;
  /** Time spent in the handler (store + chain + inventory). */
  handlerDuration: Histogram<'step'>;
  siemForwarded: Counter;
  siemConnected: Gauge;
  siemFailures: Counter<'reason'>;
}

/** Registers reporting's counters and histograms on `registry` (served at /metrics). */
export function createReportingMetrics(registry: Registry): ReportingMetrics {
  const registers = [registry];
  return {
    events: new Counter({
      name: 'keyward_reporting_events_total',
      help: 'Events stored in the audit trail, by type (first delivery only)',
      labelNames: ['type'],
      registers,
    }),
    duplicates: new Counter({
      name: 'keyward_reporting_duplicate_events_total',
      help: 'Redelivered or re-published events recognised by id and not stored again',
      labelNames: ['type'],
      registers,
    }),
    enrollments: new Counter({
      name: 'keyward_reporting_enrollment_outcomes_total',
      help: 'Enrollment outcomes seen on the bus',
      labelNames: ['outcome'],
      registers,
    }),
    latency: new Histogram({
      name: 'keyward_reporting_event_latency_seconds',
      help: 'From event time to the audit record stored and chained',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'keyward_reporting_processing_seconds',
      help: 'Time spent processing one event, by step',
      labelNames: ['step'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    siemForwarded: new Counter({
      name: 'keyward_reporting_siem_forwarded_total',
      help: 'Events the syslog collector accepted',
      registers,
    }),
    siemConnected: new Gauge({
      name: 'keyward_reporting_siem_connected',
      help: '1 while the syslog connection is up',
      registers,
    }),
    siemFailures: new Counter({
      name: 'keyward_reporting_siem_failures_total',
      help: 'Failed connection or write attempts to the syslog collector',
      labelNames: ['reason'],
      registers,
    }),
  };
}

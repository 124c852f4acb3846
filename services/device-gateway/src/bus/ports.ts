import type {
  BuildEventOptions,
  EventDefinition,
  Reply,
  ReplyData,
  RequestData,
  RequestDefinition,
} from '@keyward/contracts';

/** Publishes a contract event (service-kit's EventPublisher satisfies this). */
export interface EventSink {
  publish<D extends EventDefinition>(
    definition: D,
    input: Omit<BuildEventOptions<D['schema']>, 'source' | 'traceparent'>,
  ): Promise<unknown>;
}

/** Sends a contract request; no responders / timeout come back as `{ok:false}`, never a throw. */
export interface Requester {
  request<D extends RequestDefinition>(
    definition: D,
    data: RequestData<D>,
    options: { actor: string; timeoutMs?: number },
  ): Promise<Reply<ReplyData<D>>>;
}

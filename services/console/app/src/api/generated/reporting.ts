// Generated from the service OpenAPI 3.1 documents by `npm run api:generate`
// (test/tools/generateApiClients.ts). Do not edit: test/tools/apiClients.test.ts fails on drift.
export interface paths {
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Query the audit trail by time range, type, actor, serial, user or gateway */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit record by event id */
        get: operations["getAuditEventId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the tamper-evidence chain of one partition or all; points at the first broken link */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the device inventory; filter by status, policy, user, AAGUID or serial prefix */
        get: operations["getInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{serial}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One key of the inventory with its recent history */
        get: operations["getInventorySerial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the (filtered) inventory as CSV or JSON, streamed */
        get: operations["getInventoryExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of the inventory: total, per status, locked, enrolled users, per policy and IdP */
        get: operations["getInventorySummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a report: devices, devices-by, sessions, provisioning, pin-views (devices-by takes by=status|policy|idp|aaguid) */
        get: operations["getReportsName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @enum {string} */
                code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "CONFLICT" | "DEVICE_BUSY" | "DEVICE_GONE" | "DEVICE_LOCKED" | "DEVICE_NOT_ALLOWED" | "UNSUPPORTED" | "POLICY_VIOLATION" | "CTAP_ERROR" | "ENROLLMENT_EXPIRED" | "ATTESTATION_INVALID" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "UPSTREAM_FAILED" | "IDP_AUTH_FAILED" | "TIMEOUT" | "INVALID_EVENT" | "MALFORMED_EVENT" | "UNKNOWN_EVENT_TYPE" | "EVENT_SIGNATURE_INVALID" | "CONFIG_INVALID" | "SEALED_VALUE_INVALID" | "SEALING_KEY_UNKNOWN" | "VAULT_DECRYPT_FAILED" | "INTERNAL";
                details?: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAudit: {
        parameters: {
            query?: {
                actor?: string;
                cursor?: string;
                from?: string;
                gatewayId?: string;
                limit?: number;
                serial?: string;
                to?: string;
                type?: string;
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            actor: string;
                            data: unknown;
                            eventId: string;
                            gatewayId: string | null;
                            partition: string;
                            recordedAt: string;
                            serial: string | null;
                            signer: string | null;
                            source: string;
                            streamSeq: number;
                            subject: string | null;
                            time: string;
                            type: string;
                            user: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditEventId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: string;
                        data: unknown;
                        eventId: string;
                        gatewayId: string | null;
                        partition: string;
                        recordedAt: string;
                        serial: string | null;
                        signer: string | null;
                        source: string;
                        streamSeq: number;
                        subject: string | null;
                        time: string;
                        type: string;
                        user: string | null;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAuditVerify: {
        parameters: {
            query?: {
                partition?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        partitions: {
                            broken?: {
                                eventId: string | null;
                                index: number;
                                message: string;
                                /** @enum {string} */
                                reason: "HASH_MISMATCH" | "PREV_HASH_MISMATCH" | "MISSING_RECORD" | "DUPLICATE_INDEX" | "HEAD_MISMATCH";
                            };
                            checked: number;
                            headIndex?: number;
                            ok: boolean;
                            partition: string;
                        }[];
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventory: {
        parameters: {
            query?: {
                aaguid?: string;
                cursor?: string;
                limit?: number;
                policyId?: string;
                q?: string;
                status?: ("NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED") | ("NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED")[];
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            aaguid: string | null;
                            credentialId: string | null;
                            enrollmentId: string | null;
                            history: {
                                actor: string;
                                eventId: string;
                                time: string;
                                type: string;
                            }[];
                            idpId: string | null;
                            lastSeen: {
                                at: string;
                                gatewayId: string;
                            } | null;
                            /** @enum {string} */
                            lifecycleStatus: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                            linkedPolicyId: string | null;
                            linkedPolicyVersion: number | null;
                            locked: boolean;
                            policyId: string | null;
                            policyVersion: number | null;
                            serial: string;
                            /** @enum {string} */
                            status: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                            user: {
                                displayName?: string;
                                email?: string;
                                id: string;
                                name?: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventorySerial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                serial: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        aaguid: string | null;
                        credentialId: string | null;
                        enrollmentId: string | null;
                        history: {
                            actor: string;
                            eventId: string;
                            time: string;
                            type: string;
                        }[];
                        idpId: string | null;
                        lastSeen: {
                            at: string;
                            gatewayId: string;
                        } | null;
                        /** @enum {string} */
                        lifecycleStatus: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                        linkedPolicyId: string | null;
                        linkedPolicyVersion: number | null;
                        locked: boolean;
                        policyId: string | null;
                        policyVersion: number | null;
                        serial: string;
                        /** @enum {string} */
                        status: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                        user: {
                            displayName?: string;
                            email?: string;
                            id: string;
                            name?: string;
                        } | null;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventoryExport: {
        parameters: {
            query?: {
                aaguid?: string;
                format?: "csv" | "json";
                policyId?: string;
                q?: string;
                status?: ("NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED") | ("NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED")[];
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInventorySummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        byIdp: {
                            count: number;
                            idpId: string | null;
                        }[];
                        byPolicy: {
                            count: number;
                            policyId: string | null;
                            users: number;
                        }[];
                        byStatus: {
                            CONFIGURED: number;
                            ENROLLED: number;
                            IN_STOCK: number;
                            NOT_CONFIGURED: number;
                            READY: number;
                            REVOKED: number;
                        };
                        enrolledUsers: number;
                        locked: number;
                        total: number;
                    };
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReportsName: {
        parameters: {
            query?: {
                by?: "status" | "policy" | "idp" | "aaguid";
                format?: "csv" | "json";
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                name: "devices" | "devices-by" | "sessions" | "provisioning" | "pin-views";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Error: VALIDATION_FAILED, INVALID_EVENT, MALFORMED_EVENT, UNKNOWN_EVENT_TYPE, EVENT_SIGNATURE_INVALID, SEALED_VALUE_INVALID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            code: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            message: string;
                        };
                    };
                };
            };
            /** @description Error: UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFLICT, DEVICE_BUSY, DEVICE_GONE, DEVICE_LOCKED, SEALING_KEY_UNKNOWN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}

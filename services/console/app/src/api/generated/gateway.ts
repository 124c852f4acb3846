// Generated from the service OpenAPI 3.1 documents by `npm run api:generate`
// (test/tools/generateApiClients.ts). Do not edit: test/tools/apiClients.test.ts fails on drift.
export interface paths {
    "/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys attached to this gateway with status and flags (?expand=true for details) */
        get: operations["getDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One attached key, expanded */
        get: operations["getDevicesId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/apply-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the linked policy to one READY key */
        post: operations["postDevicesIdApplyPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enroll a passkey on a CONFIGURED, IN STOCK or REVOKED key for a user at an IdP (default IdP when idpId is left out) */
        post: operations["postDevicesIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/configure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Configure one key to a policy (?wait=true returns the result) */
        post: operations["postDevicesIdConfigure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/configure-and-assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Configure a NOT CONFIGURED or READY key (policyId, or the linked policy of a READY key) and enroll it for a user, under one lease */
        post: operations["postDevicesIdConfigureAndAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Initial PIN(s) per the caller’s permissions (standard key: user PIN; enterprise: user and admin) */
        get: operations["getDevicesIdPin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/pin-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Would unlock accept this chosen new PIN? The key's policy rules and minimum length, as the policy service checks them; nothing is stored */
        post: operations["postDevicesIdPinCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset: remove and reinsert the key, then touch it within 10 s (admin PIN for managed keys) */
        post: operations["postDevicesIdReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Park a CONFIGURED key for later assignment (IN STOCK); assign takes it out again */
        post: operations["postDevicesIdStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Functional test: an assertion with the enrolled (or a throwaway) credential, verified, timed */
        post: operations["postDevicesIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a PIN-blocked enterprise key with the admin PIN or remotely; new PIN generated or chosen (?wait=true shows it once) */
        post: operations["postDevicesIdUnlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/apply-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the linked policy to every READY key (one session) */
        post: operations["postDevicesApplyPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events for a live list: ready, then attached / detached / changed keys and every key run transition */
        get: operations["getDevicesEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/devices/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-identify every attached key */
        post: operations["postDevicesRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session with each key’s state, step and outcome */
        get: operations["getSessionsId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: the session snapshot, then every key transition until it closes */
        get: operations["getSessionsIdEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One row per key: serial, AAGUID, policy, user, outcome, error, started/finished */
        get: operations["getSessionsIdReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a session: no new keys; it closes when in-flight keys finish */
        post: operations["postSessionsIdStop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sessions/configure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Configure selected keys, all connected (stop-when-done) or every key plugged in (continuous) */
        post: operations["postSessionsConfigure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Virtual keys */
        get: operations["getSimulationDevices"];
        put?: never;
        /** Plug in a virtual key */
        post: operations["postSimulationDevices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unplug a virtual key */
        delete: operations["deleteSimulationDevicesId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}/block-pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a virtual key’s PIN retries out, as repeated wrong PINs would (it is LOCKED) */
        post: operations["postSimulationDevicesIdBlockPin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}/reinsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull a virtual key out and plug it back in */
        post: operations["postSimulationDevicesIdReinsert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}/touch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Touch a virtual key when it asks for a touch (user presence; waits up to 10 s, else 504) */
        post: operations["postSimulationDevicesIdTouch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}/unlock-answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a virtual key the response read back (hex); 409 when the key refuses it */
        post: operations["postSimulationDevicesIdUnlockAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulation/devices/{id}/unlock-challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a help-desk remote unlock on a virtual key: the challenge it shows (hex) */
        post: operations["postSimulationDevicesIdUnlockChallenge"];
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
    getDevices: {
        parameters: {
            query?: {
                expand?: "0" | "1" | "true" | "false";
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
                        devices: ({
                            aaguid?: string;
                            actions: ("configure" | "apply-policy" | "assign" | "configure-and-assign" | "pin" | "test" | "stock" | "reset" | "unlock")[];
                            adminPinRetries?: number | null;
                            alwaysUv?: boolean | null;
                            attachedAt?: string;
                            deviceType?: string;
                            enterpriseAttestation?: boolean | null;
                            flags: {
                                busy: boolean;
                                interrupted: boolean;
                                locked: boolean;
                            };
                            heldBy?: {
                                actor: string;
                                operation: string;
                                since: string;
                            };
                            id: string;
                            idp?: {
                                id: string;
                                name: string | null;
                            } | null;
                            idpId?: string | null;
                            /** @enum {string} */
                            keyKind?: "standard" | "enterprise";
                            minPinLength?: number | null;
                            name: string;
                            pinRetries?: number | null;
                            pinSet?: boolean;
                            policy?: {
                                id: string;
                                name: string | null;
                                version: number | null;
                            } | null;
                            serial: string;
                            simulated?: boolean;
                            /** @enum {string} */
                            status: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                            statusLabel: string;
                            transport?: string;
                            unknownFields: string[];
                            user?: {
                                displayName?: string;
                                email?: string;
                                id: string;
                                name?: string;
                            } | null;
                            versions?: string[];
                        } & {
                            [key: string]: unknown;
                        })[];
                        gatewayId: string;
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
    getDevicesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        aaguid: string;
                        actions: ("configure" | "apply-policy" | "assign" | "configure-and-assign" | "pin" | "test" | "stock" | "reset" | "unlock")[];
                        adminPinRetries: number | null;
                        alwaysUv: boolean | null;
                        attachedAt: string;
                        deviceType: string;
                        enterpriseAttestation: boolean | null;
                        flags: {
                            busy: boolean;
                            interrupted: boolean;
                            locked: boolean;
                        };
                        heldBy?: {
                            actor: string;
                            operation: string;
                            since: string;
                        };
                        id: string;
                        idp: {
                            id: string;
                            name: string | null;
                        } | null;
                        idpId: string | null;
                        /** @enum {string} */
                        keyKind: "standard" | "enterprise";
                        minPinLength: number | null;
                        name: string;
                        pinRetries: number | null;
                        pinSet: boolean;
                        policy: {
                            id: string;
                            name: string | null;
                            version: number | null;
                        } | null;
                        serial: string;
                        simulated: boolean;
                        /** @enum {string} */
                        status: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                        statusLabel: string;
                        transport: string;
                        unknownFields: string[];
                        user: {
                            displayName?: string;
                            email?: string;
                            id: string;
                            name?: string;
                        } | null;
                        versions: string[];
                    } & {
                        [key: string]: unknown;
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
    postDevicesIdApplyPolicy: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesIdAssign: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    idpId?: string;
                    notifyUser?: boolean;
                    user: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesIdConfigure: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    policyId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesIdConfigureAndAssign: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    idpId?: string;
                    notifyUser?: boolean;
                    policyId?: string;
                    user: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    getDevicesIdPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        adminPin?: string;
                        userPin?: string;
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
            /** @description Error: RATE_LIMITED */
            429: {
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
    postDevicesIdPinCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pin: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        policy: {
                            id: string;
                            name: string;
                            version: number;
                        } | null;
                        problems: {
                            code: string;
                            message: string;
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
            /** @description Error: UPSTREAM_UNAVAILABLE */
            503: {
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
        };
    };
    postDevicesIdReset: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    adminPin?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesIdStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        serial: string;
                        /** @constant */
                        status: "IN_STOCK";
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: UPSTREAM_UNAVAILABLE */
            503: {
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
        };
    };
    postDevicesIdTest: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    credentialId?: string;
                    rpId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: CONFIG_INVALID, VAULT_DECRYPT_FAILED, INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesIdUnlock: {
        parameters: {
            query?: {
                wait?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    adminPin?: string;
                    /**
                     * @default admin-pin
                     * @enum {string}
                     */
                    method?: "admin-pin" | "remote";
                    newPin?: string;
                    /** @enum {string} */
                    pinSource: "generated" | "chosen";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result?: unknown;
                        run?: {
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        };
                        sessionId: string;
                    } & {
                        [key: string]: unknown;
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
            /** @description Error: DEVICE_NOT_ALLOWED, UNSUPPORTED, POLICY_VIOLATION, CTAP_ERROR, ATTESTATION_INVALID */
            422: {
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
            /** @description Error: RATE_LIMITED */
            429: {
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
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postDevicesApplyPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        keys: ({
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        kind: string;
                        mode: string;
                        state: string;
                    } & {
                        [key: string]: unknown;
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
    getDevicesEvents: {
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
                    "application/json": Record<string, never>;
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
    postDevicesRefresh: {
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
                        devices: ({
                            aaguid?: string;
                            actions: ("configure" | "apply-policy" | "assign" | "configure-and-assign" | "pin" | "test" | "stock" | "reset" | "unlock")[];
                            adminPinRetries?: number | null;
                            alwaysUv?: boolean | null;
                            attachedAt?: string;
                            deviceType?: string;
                            enterpriseAttestation?: boolean | null;
                            flags: {
                                busy: boolean;
                                interrupted: boolean;
                                locked: boolean;
                            };
                            heldBy?: {
                                actor: string;
                                operation: string;
                                since: string;
                            };
                            id: string;
                            idp?: {
                                id: string;
                                name: string | null;
                            } | null;
                            idpId?: string | null;
                            /** @enum {string} */
                            keyKind?: "standard" | "enterprise";
                            minPinLength?: number | null;
                            name: string;
                            pinRetries?: number | null;
                            pinSet?: boolean;
                            policy?: {
                                id: string;
                                name: string | null;
                                version: number | null;
                            } | null;
                            serial: string;
                            simulated?: boolean;
                            /** @enum {string} */
                            status: "NOT_CONFIGURED" | "READY" | "CONFIGURED" | "IN_STOCK" | "ENROLLED" | "REVOKED";
                            statusLabel: string;
                            transport?: string;
                            unknownFields: string[];
                            user?: {
                                displayName?: string;
                                email?: string;
                                id: string;
                                name?: string;
                            } | null;
                            versions?: string[];
                        } & {
                            [key: string]: unknown;
                        })[];
                        gatewayId: string;
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
    getSessionsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        id: string;
                        keys: ({
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        kind: string;
                        mode: string;
                        state: string;
                    } & {
                        [key: string]: unknown;
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
    getSessionsIdEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        id: string;
                        keys: ({
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        kind: string;
                        mode: string;
                        state: string;
                    } & {
                        [key: string]: unknown;
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
    getSessionsIdReport: {
        parameters: {
            query?: {
                format?: "csv" | "json";
            };
            header?: never;
            path: {
                id: string;
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
                        rows: {
                            aaguid: string;
                            error: string;
                            finished: string;
                            outcome: string;
                            policy: string;
                            serial: string;
                            started: string;
                            user: string;
                        }[];
                        sessionId: string;
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
    postSessionsIdStop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        id: string;
                        keys: ({
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        kind: string;
                        mode: string;
                        state: string;
                    } & {
                        [key: string]: unknown;
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
    postSessionsConfigure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deviceIds?: string[];
                    /** @enum {string} */
                    mode?: "stop-when-done" | "continuous";
                    policyId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        keys: ({
                            aaguid: string;
                            completedSteps: string[];
                            deviceId: string;
                            serial: string;
                            state: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                        kind: string;
                        mode: string;
                        state: string;
                    } & {
                        [key: string]: unknown;
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
    getSimulationDevices: {
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
                        devices: ({
                            deviceId: string;
                            serial: string;
                        } & {
                            [key: string]: unknown;
                        })[];
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
    postSimulationDevices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default generic
                     * @enum {string}
                     */
                    profile?: "generic" | "enterprise" | "ctap20" | "nfc-only";
                    serial?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deviceId: string;
                        serial: string;
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
    deleteSimulationDevicesId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
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
    postSimulationDevicesIdBlockPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        deviceId: string;
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
    postSimulationDevicesIdReinsert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
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
                        deviceId: string;
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
    postSimulationDevicesIdTouch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": null;
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
            /** @description Error: TIMEOUT */
            504: {
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
        };
    };
    postSimulationDevicesIdUnlockAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    response: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pinRetries: number;
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
    postSimulationDevicesIdUnlockChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPin: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
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
}

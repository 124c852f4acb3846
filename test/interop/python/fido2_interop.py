"""Interop check of Keyward's software authenticator with python-fido2 (Debian 0.9.1) over PC/SC.

Run by test/interop/fido2.interop.test.ts with Debian's /usr/bin/python3. Arguments:
  --reader NAME      substring of the PC/SC reader name holding the simulated card
  --root PEM_FILE    the simulator's attestation root (trust anchor for the packed x5c)
  --aaguid HEX       the profile's AAGUID
  --pin-protocol N   PIN/UV auth protocol for the PIN steps (2 = python-fido2's choice, or 1)
Power cycles are requested from the test on stdout ("POWER_CYCLE") and acknowledged on stdin.
Every step prints "STEP <name>"; any failure raises, which exits non-zero with a traceback.
"""

import argparse
import hashlib
import sys
import time

from cryptography import x509
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.attestation import Attestation
from fido2.client import Fido2Client
from fido2.cose import CoseKey
from fido2.ctap import CtapError
from fido2.ctap2 import (
    AttestationObject,
    ClientPin,
    Config,
    CredentialManagement,
    Ctap2,
    PinProtocolV1,
    PinProtocolV2,
)
from fido2.pcsc import CtapPcscDevice

RP = {"id": "example.com", "name": "Example"}
P = ClientPin.PERMISSION


def step(name):
    print("STEP " + name, flush=True)


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


def expect_ctap_error(code, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except CtapError as e:
        expect(e.code == code, "expected CTAP error 0x%02x, got %r" % (code, e))
        return
    raise AssertionError("expected CTAP error 0x%02x, call succeeded" % code)


def open_device(reader):
    # pcscd notices an inserted card by polling vpcd: allow it a few seconds.
    deadline = time.time() + 15
    while True:
        devices = list(CtapPcscDevice.list_devices(reader))
        if devices or time.time() > deadline:
            break
        time.sleep(0.2)
    expect(len(devices) == 1, "expected one PC/SC device on %r, found %r" % (reader, devices))
    return devices[0]


def client_data_hash(label):
    return hashlib.sha256(label.encode()).digest()


def check_chain(att, root):
    cert = x509.load_der_x509_certificate(att.att_statement["x5c"][0], default_backend())
    root.public_key().verify(
        cert.signature, cert.tbs_certificate_bytes, ec.ECDSA(cert.signature_hash_algorithm)
    )
    return cert


def make_credential(ctap, cp, pin, label, rk=True, alg=-7, user_id=b"user-1"):
    token = cp.get_pin_token(pin, P.MAKE_CREDENTIAL, RP["id"])
    cdh = client_data_hash(label)
    att = ctap.make_credential(
        cdh,
        RP,
        {"id": user_id, "name": "alice", "displayName": "Alice"},
        [{"type": "public-key", "alg": alg}],
        options={"rk": rk},
        pin_uv_param=cp.protocol.authenticate(token, cdh),
        pin_uv_protocol=cp.protocol.VERSION,
    )
    return att, cdh


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reader", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--aaguid", required=True)
    parser.add_argument("--pin-protocol", type=int, choices=[1, 2], default=2)
    args = parser.parse_args()
    with open(args.root, "rb") as f:
        root = x509.load_pem_x509_certificate(f.read(), default_backend())

    step("getInfo")
    dev = open_device(args.reader)
    ctap = Ctap2(dev)  # strict_cbor=True: every response must be canonical CBOR
    info = ctap.info
    expect("FIDO_2_1" in info.versions, "versions %r" % info.versions)
    expect(info.aaguid.hex() == args.aaguid, "aaguid %s" % info.aaguid.hex())
    expect(info.options.get("clientPin") is False, "clientPin before setPIN")
    expect(info.pin_uv_protocols == [2, 1], "pinUvAuthProtocols %r" % info.pin_uv_protocols)

    step("setPIN")
    if args.pin_protocol == 2:
        cp = ClientPin(ctap)  # python-fido2 picks protocol 2 from pinUvAuthProtocols [2, 1]
    else:
        cp = ClientPin(ctap, PinProtocolV1())
    expect(cp.protocol.VERSION == args.pin_protocol, "protocol %d" % cp.protocol.VERSION)
    cp.set_pin("1234")
    expect(ctap.get_info().options["clientPin"] is True, "clientPin after setPIN")
    expect(cp.get_pin_retries()[0] == 8, "retries after setPIN")

    step("changePIN")
    cp.change_pin("1234", "5678")
    expect_ctap_error(CtapError.ERR.PIN_INVALID, cp.get_pin_token, "1234", P.GET_ASSERTION, RP["id"])
    expect(cp.get_pin_retries()[0] == 7, "retries after a wrong PIN")

    step("getPinToken")
    token = cp.get_pin_token("5678", P.MAKE_CREDENTIAL | P.GET_ASSERTION, RP["id"])
    expect(len(token) == 32, "token length %d" % len(token))
    expect(cp.get_pin_retries()[0] == 8, "retries back to 8 after the right PIN")
    cp1 = ClientPin(ctap, PinProtocolV1())
    token1 = cp1.get_pin_token("5678", P.MAKE_CREDENTIAL, RP["id"])
    expect(len(token1) == 32, "protocol 1 token length %d" % len(token1))

    step("makeCredential packed")
    att, cdh = make_credential(ctap, cp, "5678", "mc-1")
    expect(att.fmt == "packed", "fmt %r" % att.fmt)
    expect(att.auth_data.flags & 0x45 == 0x45, "flags UP|UV|AT: 0x%02x" % att.auth_data.flags)
    expect(att.auth_data.credential_data.aaguid.hex() == args.aaguid, "authData aaguid")
    result = Attestation.for_type(att.fmt)().verify(att.att_statement, att.auth_data, cdh)
    expect(len(result.trust_path) == 1, "x5c %r" % result.trust_path)
    check_chain(att, root)
    credential = att.auth_data.credential_data
    public_key = CoseKey.parse(credential.public_key)

    step("makeCredential excluded")
    token = cp.get_pin_token("5678", P.MAKE_CREDENTIAL, RP["id"])
    cdh2 = client_data_hash("mc-excluded")
    expect_ctap_error(
        CtapError.ERR.CREDENTIAL_EXCLUDED,
        ctap.make_credential,
        cdh2,
        RP,
        {"id": b"user-2", "name": "bob"},
        [{"type": "public-key", "alg": -7}],
        exclude_list=[{"type": "public-key", "id": credential.credential_id}],
        pin_uv_param=cp.protocol.authenticate(token, cdh2),
        pin_uv_protocol=cp.protocol.VERSION,
    )

    step("makeCredential EdDSA protocol 1")
    att_ed, cdh_ed = make_credential(ctap, cp1, "5678", "mc-ed", rk=False, alg=-8)
    Attestation.for_type(att_ed.fmt)().verify(att_ed.att_statement, att_ed.auth_data, cdh_ed)
    ed_cred = att_ed.auth_data.credential_data

    step("getAssertion")
    token = cp.get_pin_token("5678", P.GET_ASSERTION, RP["id"])
    cdh = client_data_hash("ga-1")
    assertion = ctap.get_assertion(
        RP["id"],
        cdh,
        pin_uv_param=cp.protocol.authenticate(token, cdh),
        pin_uv_protocol=cp.protocol.VERSION,
    )
    assertion.verify(cdh, public_key)
    expect(assertion.credential["id"] == credential.credential_id, "credential id")
    expect(assertion.user["id"] == b"user-1", "user id %r" % assertion.user)
    expect(assertion.user.get("name") == "alice", "user name after UV %r" % assertion.user)
    expect(assertion.auth_data.flags & 0x05 == 0x05, "GA flags UP|UV")
    expect(assertion.auth_data.counter > att.auth_data.counter, "signature counter grows")
    # The token was consumed by that getAssertion (one MC/GA per token).
    cdh = client_data_hash("ga-2")
    expect_ctap_error(
        CtapError.ERR.PIN_AUTH_INVALID,
        ctap.get_assertion,
        RP["id"],
        cdh,
        pin_uv_param=cp.protocol.authenticate(token, cdh),
        pin_uv_protocol=cp.protocol.VERSION,
    )
    cdh = client_data_hash("ga-ed")
    ed_assertion = ctap.get_assertion(
        RP["id"], cdh, allow_list=[{"type": "public-key", "id": ed_cred.credential_id}]
    )
    ed_assertion.verify(cdh, CoseKey.parse(ed_cred.public_key))

    step("Fido2Client (WebAuthn level)")
    client = Fido2Client(dev, "https://" + RP["id"])
    reg = client.make_credential(
        {
            "rp": RP,
            "user": {"id": b"user-wa", "name": "webauthn"},
            "challenge": b"c" * 32,
            "pubKeyCredParams": [{"type": "public-key", "alg": -7}],
        },
        pin="5678",
    )
    expect(reg.attestation_object.fmt == "packed", "fmt %r" % reg.attestation_object.fmt)
    wa_cred = reg.attestation_object.auth_data.credential_data
    selection = client.get_assertion(
        {
            "rpId": RP["id"],
            "challenge": b"d" * 32,
            "allowCredentials": [{"type": "public-key", "id": wa_cred.credential_id}],
        },
        pin="5678",
    )
    wa = selection.get_response(0)
    CoseKey.parse(wa_cred.public_key).verify(
        wa.authenticator_data + wa.client_data.hash, wa.signature
    )

    step("credentialManagement")
    token = cp.get_pin_token("5678", P.CREDENTIAL_MGMT)
    cm = CredentialManagement(ctap, cp.protocol, token)
    meta = cm.get_metadata()
    expect(meta[CredentialManagement.RESULT.EXISTING_CRED_COUNT] == 1, "metadata %r" % meta)
    rps = cm.enumerate_rps()
    expect(len(rps) == 1, "rps %r" % rps)
    expect(rps[0][CredentialManagement.RESULT.RP]["id"] == RP["id"], "rp %r" % rps[0])
    rp_hash = rps[0][CredentialManagement.RESULT.RP_ID_HASH]
    creds = cm.enumerate_creds(rp_hash)
    expect(len(creds) == 1, "creds %r" % creds)
    cred_desc = creds[0][CredentialManagement.RESULT.CREDENTIAL_ID]
    cm.update_user_info(cred_desc, {"id": b"user-1", "name": "alice2", "displayName": "Alice 2"})
    creds = cm.enumerate_creds(rp_hash)
    expect(creds[0][CredentialManagement.RESULT.USER]["name"] == "alice2", "updated user")
    cm.delete_cred(cred_desc)
    meta = cm.get_metadata()
    expect(meta[CredentialManagement.RESULT.EXISTING_CRED_COUNT] == 0, "after delete %r" % meta)

    step("authenticatorConfig")
    token = cp.get_pin_token("5678", P.AUTHENTICATOR_CFG)
    cfg = Config(ctap, cp.protocol, token)
    cfg.toggle_always_uv()
    expect(ctap.get_info().options["alwaysUv"] is True, "alwaysUv on")
    cfg.toggle_always_uv()
    expect(ctap.get_info().options["alwaysUv"] is False, "alwaysUv off")
    if "ep" in ctap.info.options:
        cfg._call(Config.CMD.ENABLE_ENTERPRISE_ATT)
        expect(ctap.get_info().options["ep"] is True, "ep enabled")
    cfg.set_min_pin_length(min_pin_length=6, rp_ids=[RP["id"]])
    info = ctap.get_info()
    expect(info.min_pin_length == 6, "minPINLength %r" % info.min_pin_length)
    expect(info.force_pin_change is True, "forcePINChange after raising the minimum")
    expect_ctap_error(CtapError.ERR.PIN_INVALID, cp.get_pin_token, "5678", P.GET_ASSERTION, RP["id"])
    expect_ctap_error(CtapError.ERR.PIN_POLICY_VIOLATION, cp.change_pin, "5678", "12345")
    cp.change_pin("5678", "135790")
    expect(ctap.get_info().force_pin_change is False, "forcePINChange cleared")

    if ctap.get_info().options.get("ep"):
        step("enterprise attestation")
        token = cp.get_pin_token("135790", P.MAKE_CREDENTIAL, RP["id"])
        cdh = client_data_hash("mc-ep")
        att = ctap.send_cbor(
            Ctap2.CMD.MAKE_CREDENTIAL,
            {
                1: cdh,
                2: RP,
                3: {"id": b"user-ep", "name": "ep"},
                4: [{"type": "public-key", "alg": -7}],
                8: cp.protocol.authenticate(token, cdh),
                9: cp.protocol.VERSION,
                10: 2,
            },
            parse=AttestationObject,
        )
        expect(att.ep_att is True, "epAtt %r" % att.ep_att)
        Attestation.for_type(att.fmt)().verify(att.att_statement, att.auth_data, cdh)
        cert = check_chain(att, root)
        expect(" EA" in cert.subject.rfc4514_string(), "EA cert %s" % cert.subject.rfc4514_string())

    step("reset")
    # Reset outside the 10-second window is refused only after 10 s; here: power cycle, then reset.
    dev.close()
    print("POWER_CYCLE", flush=True)
    expect(sys.stdin.readline().strip() == "OK", "power cycle acknowledged")
    dev = open_device(args.reader)
    ctap = Ctap2(dev)
    ctap.reset()
    info = ctap.get_info()
    expect(info.options["clientPin"] is False, "no PIN after reset")
    expect(info.remaining_disc_creds == 50, "no credentials after reset")
    cdh = client_data_hash("after-reset")
    expect_ctap_error(
        CtapError.ERR.NO_CREDENTIALS,
        ctap.get_assertion,
        RP["id"],
        cdh,
        allow_list=[{"type": "public-key", "id": ed_cred.credential_id}],
    )
    dev.close()
    print("INTEROP OK", flush=True)


if __name__ == "__main__":
    main()

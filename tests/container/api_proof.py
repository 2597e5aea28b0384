#!/usr/bin/env python3
"""Signs in to a running TakedownDesk the way a person would and opens a case through the API.

Usage: api_proof.py BASE_URL EMAIL PASSWORD
Password, then authenticator enrolment with a TOTP code computed here from the enrolment secret (RFC 6238,
SHA-1, 6 digits, 30 s), then a personal access token, then POST /api/v1/cases with that token.
Standard library only.
"""
import base64
import hashlib
import hmac
import http.cookiejar
import json
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ANTIFORGERY = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
SECRET = re.compile(r'id="authenticator-key">([^<]+)<')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret.replace(" ", "").upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def main(base: str, email: str, password: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def call(method, path, form=None, body=None, headers=None):
        data, hdrs = None, dict(headers or {})
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        request = urllib.request.Request(base + path, data=data, method=method, headers=hdrs)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def post_form(path, fields):
        _, _, page = call("GET", path)
        token = ANTIFORGERY.search(page).group(1)
        return call("POST", path, form={**fields, "__RequestVerificationToken": token})

    status, headers, _ = post_form("/Account/SignIn", {"Input.Email": email, "Input.Password": password})
    assert status == 302 and "/Account/Enrol" in headers.get("Location", ""), f"password step: {status} {headers.get('Location')}"
    _, _, enrol = call("GET", "/Account/Enrol")
    secret = SECRET.search(enrol).group(1).strip()
    status, _, page = post_form("/Account/Enrol", {"Code": totp(secret, time.time())})
    assert status == 200 and "recovery" in page.lower(), f"enrolment step: {status}"
    print("signed in with password and TOTP (authenticator enrolled)")

    # The CLI's password is one-time: nothing but the password page opens until it is changed.
    status, headers, _ = call("GET", "/")
    assert status == 302 and headers.get("Location") == "/Account/Password", f"one-time password gate: {status} {headers.get('Location')}"
    own = password + "-changed-by-its-owner"
    status, _, page = post_form("/Account/Password", {"Input.CurrentPassword": password, "Input.NewPassword": own, "Input.ConfirmPassword": own})
    assert status == 200 and "Your password is changed." in page, f"password change: {status}"
    print("one-time password changed")

    # A token needs the password and a code not used before: wait for the authenticator's next time step.
    time.sleep(30 - time.time() % 30 + 1)
    status, _, created = call("POST", "/api/v1/tokens", body={
        "name": "container-proof", "validForDays": 1, "scope": "ReadWrite",
        "currentPassword": own, "authenticatorCode": totp(secret, time.time())})
    assert status in (200, 201), f"token: {status} {created[:300]}"
    token = json.loads(created)["token"]
    print("personal access token created")

    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    later = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 180 * 86400))
    case = {
        "pseudonym": "Container-Proof-1",
        "legalName": "Container Proof",
        "dateOfBirth": "1999-04-02",
        "preferredLanguage": "en",
        "notes": None,
        "mayHaveBeenMinorWhenDepicted": False,
        "contactChannels": [{"kind": "Email", "value": "proof@example.org", "safeToContact": True, "safetyNote": None}],
        "release": {"signedBy": "Container Proof", "capacity": "Victim", "method": "Electronic", "signedAt": now,
                    "expiresAt": later, "allPlatforms": True, "platformIds": None, "disclosable": ["LegalName", "Email", "Signature"]},
        "incident": {"kind": "DigitalForgery", "discoveredAt": now, "description": "container proof"},
        "pastedUrls": "https://x.com/someone/status/1234567890",
        "assignedStaffId": None,
    }
    auth = {"Authorization": "Bearer " + token}
    status, _, opened = call("POST", "/api/v1/cases", body=case, headers=auth)
    assert status == 201, f"open case: {status} {opened[:500]}"
    case_id = json.loads(opened)["id"]
    status, _, detail = call("GET", f"/api/v1/cases/{case_id}", headers=auth)
    assert status == 200, f"read case: {status}"
    print(f"case opened and read back through the API: {json.loads(opened)['reference']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))

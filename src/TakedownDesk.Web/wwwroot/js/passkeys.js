// Passkeys (WebAuthn) for the sign-in step and the passkeys page. Every other page works without JavaScript; a passkey
// cannot, so its forms stay hidden unless the browser offers WebAuthn with JSON options.
(function () {
    'use strict';

    const supported = window.PublicKeyCredential
        && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function'
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function';

    // The form's own fields go with the request: adding a passkey is confirmed by the password and code typed there.
    async function options(form) {
        const response = await fetch(form.dataset.optionsUrl, {
            method: 'POST',
            credentials: 'same-origin',
            body: new FormData(form),
        });
        if (!response.ok) {
            const problem = await response.json().catch(function () { return {}; });
            throw new Error(problem.detail || 'The desk did not start the passkey step (' + response.status + ').');
        }
        return response.json();
    }

    async function ceremony(form) {
        const json = await options(form);
        const credential = form.dataset.passkeyCeremony === 'sign-in'
            ? await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) })
            : await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
        form.querySelector('input[name$="Credential"]').value = JSON.stringify(credential.toJSON());
        form.submit();
    }

    function showProblem(form, error) {
        const cancel = form.dataset.cancelForm && document.getElementById(form.dataset.cancelForm);
        if (cancel) {
            cancel.submit();
            return;
        }
        const message = form.querySelector('[data-passkey-problem]');
        message.textContent = error.name === 'NotAllowedError'
            ? 'No passkey was created: the browser prompt was closed or timed out. Enter a new code and try again.'
            : error.message;
        message.hidden = false;
        message.focus();
        form.querySelectorAll('input[type="password"], input[autocomplete="one-time-code"]').forEach(function (input) {
            input.value = '';
        });
    }

    if (!supported) {
        return;
    }
    document.querySelectorAll('[data-passkey-unsupported]').forEach(function (note) {
        note.hidden = true;
    });
    document.querySelectorAll('form[data-passkey-ceremony]').forEach(function (form) {
        form.hidden = false;
        const start = form.querySelector('[data-passkey-start]');
        start.addEventListener('click', function () {
            if (!form.reportValidity()) {
                return;
            }
            start.disabled = true;
            ceremony(form).catch(function (error) {
                start.disabled = false;
                showProblem(form, error);
            });
        });
    });
}());

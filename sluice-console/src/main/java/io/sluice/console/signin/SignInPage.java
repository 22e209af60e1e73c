package io.sluice.console.signin;

import io.sluice.console.web.Chrome;

/**
 * The model of signin.jte.
 *
 * @param formToken ties the form to this browser (there is no session yet to carry a CSRF token)
 * @param certificateName the administrator certificate the browser presented, if any: it may sign
 *     in with it
 * @param notice why the page is shown (session ended, signed out), or null
 * @param error why the last attempt failed, or null
 * @param hint what to do about the error
 */
public record SignInPage(
    Chrome chrome,
    String formToken,
    String next,
    String certificateName,
    String notice,
    String error,
    String hint) {}

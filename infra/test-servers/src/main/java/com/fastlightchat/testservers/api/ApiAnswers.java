package com.fastlightchat.testservers.api;

import java.net.http.HttpResponse;

/** What every answer of our HTTP APIs must be, whatever the input. */
public final class ApiAnswers {

    private ApiAnswers() {
    }

    /**
     * Fails unless the answer is below 500 and, when it refuses (4xx), an RFC 9457 problem.
     *
     * @param request what was sent, for the failure message
     * @return whether the request was refused
     */
    public static boolean refusedWithoutServerError(HttpResponse<String> response, Object request) {
        if (response.statusCode() >= 500) {
            throw new AssertionError(request + " answered " + response.statusCode() + ": " + response.body());
        }
        boolean refused = response.statusCode() >= 400;
        if (refused && !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            throw new AssertionError(request + " answered " + response.statusCode() + " without a problem: "
                    + response.headers().firstValue("Content-Type").orElse("no Content-Type") + " " + response.body());
        }
        return refused;
    }
}

package com.fastlightchat.command;

import com.fastlightchat.web.Rejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Hamcrest matchers for {@link Rejection}s expected by aggregate fixture tests. */
public final class RejectionMatchers {

    private RejectionMatchers() {
    }

    /** A rejection of the given kind that names {@code field}. */
    public static Matcher<Rejection> rejected(Rejection.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.kind() == kind && Objects.equals(field, rejection.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection naming field " + field);
            }
        };
    }

    /** An invalid-input rejection naming {@code field}. */
    public static Matcher<Rejection> rejectedField(String field) {
        return rejected(Rejection.Kind.INVALID, field);
    }
}

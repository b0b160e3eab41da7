package com.fastlightchat.command;

import com.fastlightchat.web.Rejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Matches the {@link Rejection} an aggregate throws by its kind and the field it names. */
public final class RejectionMatchers {

    private RejectionMatchers() {
    }

    /** A rejection of {@code kind} naming {@code field} (null: naming none). */
    public static Matcher<Rejection> rejection(Rejection.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.kind() == kind && Objects.equals(rejection.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection naming " + field);
            }

            @Override
            protected void describeMismatchSafely(Rejection rejection, Description description) {
                description.appendText("was " + rejection.kind() + " naming " + rejection.field() + ": "
                        + rejection.getMessage());
            }
        };
    }

    /** An invalid-input rejection naming {@code field}. */
    public static Matcher<Rejection> rejectedField(String field) {
        return rejection(Rejection.Kind.INVALID, field);
    }
}

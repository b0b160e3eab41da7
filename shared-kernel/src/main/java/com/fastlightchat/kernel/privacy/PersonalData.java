package com.fastlightchat.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds personal data of the enclosing {@link DataSubject}: a {@code String}, or a
 * {@code Map} whose values are personal (the keys are not). Serialized with a {@link PersonalDataCipher} it is sealed
 * into a string {@code enc:v1:<subject id>:<base64>}, so its JSON type stays "string"; without one it is written as is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}

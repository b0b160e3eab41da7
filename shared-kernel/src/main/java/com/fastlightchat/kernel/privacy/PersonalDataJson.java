package com.fastlightchat.kernel.privacy;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.ContextAttributes;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.ser.std.StdSerializer;

import java.util.Map;

/**
 * The JSON side of {@link PersonalData}: a Jackson module that seals personal fields when a {@link PersonalDataCipher}
 * is among the mapper's attributes ({@link #attributes}) and opens them when reading. The subject is the nearest
 * {@link DataSubject} around the field being written (the event, or the aggregate being snapshotted), so nested
 * records need not know whose data they hold; sealed values name their subject, so reading needs no context. Without
 * a cipher both directions leave values as they are: a plain mapper passes sealed values through unchanged.
 */
public final class PersonalDataJson {

    private PersonalDataJson() {
    }

    /** The module; every kernel mapper has it ({@code KernelJson}), with or without a cipher. */
    public static JacksonModule module() {
        return new JacksonModule() {
            @Override
            public String getModuleName() {
                return "fast-light-chat-personal-data";
            }

            @Override
            public Version version() {
                return Version.unknownVersion();
            }

            @Override
            public void setupModule(SetupContext context) {
                context.insertAnnotationIntrospector(new Introspector());
            }
        };
    }

    /** Mapper attributes that make its serializations seal, and its deserializations open, with {@code cipher}. */
    public static ContextAttributes attributes(PersonalDataCipher cipher) {
        return ContextAttributes.getEmpty().withSharedAttribute(PersonalDataCipher.class, cipher);
    }

    private static PersonalDataCipher cipher(tools.jackson.databind.DatabindContext context) {
        return (PersonalDataCipher) context.getAttribute(PersonalDataCipher.class);
    }

    /** The subject of the innermost object being written that is a {@link DataSubject}, or null. */
    private static String subject(JsonGenerator gen) {
        for (TokenStreamContext context = gen.streamWriteContext(); context != null; context = context.getParent()) {
            if (context.currentValue() instanceof DataSubject subject) {
                return subject.dataSubjectId();
            }
        }
        return null;
    }

    /** Finds {@link PersonalData} on record components (their fields, accessors and constructor parameters). */
    private static final class Introspector extends NopAnnotationIntrospector {

        @Override
        public Object findSerializer(MapperConfig<?> config, Annotated a) {
            return personal(a) && a.getRawType() == String.class ? SealingText.INSTANCE : null;
        }

        @Override
        public Object findContentSerializer(MapperConfig<?> config, Annotated a) {
            return personal(a) && Map.class.isAssignableFrom(a.getRawType()) ? SealingValue.INSTANCE : null;
        }

        @Override
        public Object findDeserializer(MapperConfig<?> config, Annotated a) {
            return personal(a) && a.getRawType() == String.class ? OpeningText.INSTANCE : null;
        }

        @Override
        public Object findContentDeserializer(MapperConfig<?> config, Annotated a) {
            return personal(a) && Map.class.isAssignableFrom(a.getRawType()) ? OpeningValue.INSTANCE : null;
        }

        private static boolean personal(Annotated a) {
            return a != null && a.hasAnnotation(PersonalData.class);
        }
    }

    private static final class SealingText extends StdSerializer<String> {
        static final SealingText INSTANCE = new SealingText();

        SealingText() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
            PersonalDataCipher cipher = cipher(ctxt);
            String subject = cipher == null || PersonalDataCipher.isSealed(value) ? null : subject(gen);
            gen.writeString(subject == null ? value : cipher.seal(subject, value));
        }
    }

    private static final class SealingValue extends StdSerializer<Object> {
        static final SealingValue INSTANCE = new SealingValue();

        SealingValue() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            PersonalDataCipher cipher = cipher(ctxt);
            String subject = cipher == null || value instanceof String text && PersonalDataCipher.isSealed(text)
                    ? null : subject(gen);
            if (subject == null) {
                ctxt.writeValue(gen, value);
            } else {
                gen.writeString(cipher.sealValue(subject, value));
            }
        }
    }

    private static final class OpeningText extends StdDeserializer<String> {
        static final OpeningText INSTANCE = new OpeningText();

        OpeningText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = p.getValueAsString();
            if (value == null && p.currentToken() != JsonToken.VALUE_NULL) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            PersonalDataCipher cipher = cipher(ctxt);
            return cipher == null ? value : cipher.open(value);
        }
    }

    private static final class OpeningValue extends StdDeserializer<Object> {
        static final OpeningValue INSTANCE = new OpeningValue();

        OpeningValue() {
            super(Object.class);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = ctxt.readValue(p, Object.class);
            PersonalDataCipher cipher = cipher(ctxt);
            return cipher == null ? value : cipher.openValue(value);
        }
    }
}

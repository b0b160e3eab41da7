package com.fastlightchat.kernel;

import com.fastlightchat.kernel.event.DomainEvent;
import com.fastlightchat.kernel.event.EventType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The kernel is the published language of every module: plain Java plus Jackson, nothing of any framework. */
@AnalyzeClasses(packages = "com.fastlightchat.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {

    @ArchTest
    static final ArchRule kernel_depends_only_on_the_jdk_and_jackson = classes()
            .that().resideInAPackage("com.fastlightchat.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.crypto..", "tools.jackson..", "com.fasterxml.jackson.annotation..",
                    "com.fastlightchat.kernel..")
            .because("the shared kernel is plain Java with Jackson as its only dependency");

    @ArchTest
    static final ArchRule kernel_uses_no_framework_or_storage_library = noClasses()
            .that().resideInAPackage("com.fastlightchat.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "jakarta.persistence..", "javax.persistence..",
                    "org.bson..", "com.mongodb..", "org.apache.kafka..", "io.netty..", "lombok..")
            .because("frameworks belong to the modules that use them, never to the published language");

    @ArchTest
    static final ArchRule event_records_are_final_records_in_the_event_package = classes()
            .that().areAssignableTo(DomainEvent.class)
            .and().areNotInterfaces()
            .should().beRecords()
            .andShould().haveModifier(JavaModifier.FINAL)
            .andShould().resideInAPackage("..kernel.event..")
            .andShould().beAnnotatedWith(EventType.class)
            .because("events are immutable facts registered by name and version");

    @ArchTest
    static final ArchRule event_hierarchy_interfaces_are_sealed = classes()
            .that().areAssignableTo(DomainEvent.class)
            .and().areInterfaces()
            .should(beSealed())
            .because("the registry finds events by walking the sealed hierarchy under DomainEvent");

    @ArchTest
    static final ArchRule kernel_packages_are_free_of_cycles = slices()
            .matching("com.fastlightchat.kernel.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule ids_depend_on_no_other_kernel_package = noClasses()
            .that().resideInAPackage("..kernel.id..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..kernel.event..", "..kernel.envelope..", "..kernel.auth..", "..kernel.topic..");

    private static ArchCondition<JavaClass> beSealed() {
        return new ArchCondition<>("be sealed") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean sealed = item.reflect().isSealed();
                events.add(new SimpleConditionEvent(item, sealed,
                        item.getName() + (sealed ? " is" : " is not") + " sealed"));
            }
        };
    }
}

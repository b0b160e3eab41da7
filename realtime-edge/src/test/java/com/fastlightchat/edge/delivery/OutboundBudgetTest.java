package com.fastlightchat.edge.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundBudgetTest {

    @Test
    void givenDrainingSocket_whenManyEventsAreQueued_thenAllAreAdmitted() {
        OutboundBudget budget = new OutboundBudget(2);

        for (int i = 0; i < 1000; i++) {
            assertThat(budget.admit(false)).isTrue();
        }
    }

    @Test
    void givenBackloggedSocket_whenMoreThanTheBudgetIsQueued_thenTheNextIsRefused() {
        OutboundBudget budget = new OutboundBudget(2);

        assertThat(budget.admit(true)).isTrue();
        assertThat(budget.admit(true)).isTrue();
        assertThat(budget.admit(true)).isFalse();
        assertThat(budget.admit(true)).isFalse();
    }

    @Test
    void givenSocketThatCaughtUp_whenBackloggedAgain_thenItHasItsWholeBudgetAgain() {
        OutboundBudget budget = new OutboundBudget(1);
        budget.admit(true);

        assertThat(budget.admit(false)).isTrue();
        assertThat(budget.admit(true)).isTrue();
        assertThat(budget.admit(true)).isFalse();
    }
}

package org.govshare.assessment.publication;

import org.govshare.assessment.PublishedAssessments;
import org.govshare.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** An integration test over the fixture's published years (2019 to 2021), published once per database. */
abstract class WithPublishedAssessments extends IntegrationTest {

    @Autowired
    PublishedAssessments published;

    @BeforeEach
    void publishTheFixture() {
        AssessmentFixture.publishOnce(published);
    }
}

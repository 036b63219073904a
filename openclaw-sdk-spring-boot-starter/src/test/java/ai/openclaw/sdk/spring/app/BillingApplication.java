package ai.openclaw.sdk.spring.app;

import ai.openclaw.sdk.spring.EnableOpenClawClients;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A billing-service on Spring Boot, as a user writes one: the starter does the rest. */
@SpringBootApplication
@EnableOpenClawClients
public class BillingApplication {}

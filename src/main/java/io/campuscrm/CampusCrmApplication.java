package io.campuscrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Campus CRM: one Spring Boot application, one MariaDB database, modules by feature. */
@SpringBootApplication
@EnableScheduling
public class CampusCrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampusCrmApplication.class, args);
    }
}

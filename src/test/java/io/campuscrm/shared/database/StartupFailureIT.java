package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.campuscrm.CampusCrmApplication;

/** A start that cannot work stops with one message naming the setting to fix, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @Test
    void an_unreachable_external_database_names_the_datasource_url(CapturedOutput output) throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> SpringApplication.run(CampusCrmApplication.class,
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:" + closedPort + "/campuscrm",
                "--spring.datasource.username=campus", "--spring.datasource.password=wrong",
                "--server.port=0", "--spring.main.banner-mode=off"))
                .isInstanceOf(Exception.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("cannot reach its database at jdbc:mariadb://127.0.0.1:" + closedPort)
                .contains("spring.datasource.url (SPRING_DATASOURCE_URL)");
    }

    @Test
    void a_busy_web_port_names_server_port(CapturedOutput output) throws Exception {
        try (var busy = new ServerSocket(0)) {
            assertThatThrownBy(() -> SpringApplication.run(CampusCrmApplication.class,
                    "--server.port=" + busy.getLocalPort(), "--campuscrm.data-dir=target/startup-failure-it",
                    "--spring.main.banner-mode=off"))
                    .isInstanceOf(Exception.class);
        }
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("is already in use")
                .contains("server.port");
    }
}

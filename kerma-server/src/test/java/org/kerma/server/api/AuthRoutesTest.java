package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.PasswordHash;
import org.kerma.server.auth.Role;

/** Sign-in, sessions, CSRF, bearer tokens, roles and the audit log, over a real HTTP port. */
class AuthRoutesTest {
    static final String R = RestApiTest.R;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Registry registry;
    static Accounts accounts;
    static RestApi api;

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
        registry.ingest().storeFile(new ByteArrayInputStream(RestApiTest.part10(RestApiTest.image("PX-7", R + "71",
                "20240301", "XA", R + "71.1", R + "71.1.1"))), Origin.file("auth test"));
        accounts = new Accounts(registry.index());
        accounts.add("ada", Role.ADMIN, "admin-password".toCharArray());
        accounts.add("vic", Role.VIEWER, "viewer-password".toCharArray());
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        registry.close();
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Signs in with JSON; returns the cookie header value, the CSRF token and the Set-Cookie header. */
    static String[] signIn(String name, String password) throws Exception {
        HttpResponse<String> r = send(request("/api/auth/signin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + password
                        + "\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new String[] {setCookie.substring(0, setCookie.indexOf(';')),
                JSON.readTree(r.body()).get("csrfToken").asText(), setCookie};
    }

    @Test
    void everyApiRouteButHealthAndOpenApiNeedsCredentials() throws Exception {
        for (String path : List.of("/api/studies", "/api/studies/" + R + "71", "/api/devices", "/api/std/iods",
                "/api/exports/studies.csv", "/api/users", "/api/auth/me", "/api/analytics")) {
            HttpResponse<String> r = send(request(path));
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).get("message").asText()).contains("sign in first");
        }
        assertThat(send(request("/api/health")).statusCode()).isEqualTo(200);
        assertThat(send(request("/api/openapi.json")).statusCode()).isEqualTo(200);
        assertThat(send(request("/api/studies").header("Authorization", "Bearer not-a-token")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieThatOpensTheApi() throws Exception {
        String[] session = signIn("ada", "admin-password");

        assertThat(session[2]).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure"); // plain HTTP here
        HttpResponse<String> me = send(request("/api/auth/me").header("Cookie", session[0]));
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("name").asText()).isEqualTo("ada");
        assertThat(body.get("role").asText()).isEqualTo("admin");
        assertThat(body.get("csrfToken").asText()).isEqualTo(session[1]);
        assertThat(accounts.auditLog(50)).anyMatch(e -> e.action().equals("SIGN_IN") && e.userName().equals("ada"));
    }

    @Test
    void signInTakesOnlyJsonSoAnotherSiteCannotPostAFormToIt() throws Exception {
        HttpResponse<String> form = send(request("/api/auth/signin").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                "name=ada&password=admin-password")));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndAuditLogged() throws Exception {
        HttpResponse<String> r = send(request("/api/auth/signin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ada\",\"password\":\"guess-guess\"}")));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(accounts.auditLog(50)).anyMatch(e -> e.action().equals("SIGN_IN_FAILED")
                && e.userName().equals("ada"));
    }

    @Test
    void aChangeWithTheCookieNeedsTheCsrfToken() throws Exception {
        String[] session = signIn("ada", "admin-password");
        String body = "{\"name\":\"phil\",\"role\":\"physicist\",\"password\":\"physicist-password\"}";

        HttpResponse<String> without = send(request("/api/users").header("Cookie", session[0])
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> wrong = send(request("/api/users").header("Cookie", session[0])
                .header("X-CSRF-Token", "forged").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> with = send(request("/api/users").header("Cookie", session[0])
                .header("X-CSRF-Token", session[1]).POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(without.body()).get("message").asText()).contains("CSRF");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
        assertThat(accounts.user("phil").orElseThrow().role()).isEqualTo(Role.PHYSICIST);
    }

    @Test
    void aBearerTokenFromNameAndPasswordWorksWithoutCsrfAndSignsOut() throws Exception {
        HttpResponse<String> issued = send(request("/api/auth/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"vic\",\"password\":\"viewer-password\"}")));
        String token = JSON.readTree(issued.body()).get("token").asText();

        assertThat(send(request("/api/studies").header("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(200);
        assertThat(send(request("/api/auth/signout").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(send(request("/api/studies").header("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aViewerNeverReceivesPatientIdentifiers() throws Exception {
        String[] session = signIn("vic", "viewer-password");

        HttpResponse<String> list = send(request("/api/studies").header("Cookie", session[0]));
        JsonNode study = JSON.readTree(list.body()).get("items").get(0);
        assertThat(study.get("studyInstanceUid").asText()).isEqualTo(R + "71");
        assertThat(study.get("patientName").isNull()).isTrue();
        assertThat(study.get("patientId").isNull()).isTrue();
        assertThat(list.body()).doesNotContain("PX-7").doesNotContain("Rest^");
        assertThat(send(request("/api/studies/" + R + "71").header("Cookie", session[0])).body())
                .doesNotContain("PX-7");
        assertThat(send(request("/api/studies?patientId=PX-7").header("Cookie", session[0])).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/api/instances/" + R + "71.1.1/json").header("Cookie", session[0])).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/api/instances/" + R + "71.1.1/file").header("Cookie", session[0])).statusCode())
                .isEqualTo(403);
        HttpResponse<String> csv = send(request("/api/exports/studies.csv").header("Cookie", session[0]));
        assertThat(csv.body()).doesNotContain("PX-7").doesNotContain("Patient");
        assertThat(send(request("/api/users").header("Cookie", session[0])).statusCode()).isEqualTo(403);
    }

    @Test
    void theCsvExportHasOneRowPerStudyAndIsAuditLogged() throws Exception {
        String[] session = signIn("ada", "admin-password");

        HttpResponse<String> csv = send(request("/api/exports/studies.csv?modality=XA").header("Cookie",
                session[0]));

        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("\uFEFFStudy Date,Study Time,Accession Number,Study ID,Study Description,"
                + "Patient ID,Patient Name,Modalities,Series (count),Instances (count),DAP (Gy·cm²),"
                + "RP air kerma (mGy),Fluoro time (s),DLP (mGy·cm),CTDIvol max (mGy),Irradiation events (count),"
                + "Study Instance UID");
        assertThat(lines.get(1)).isEqualTo("2024-03-01,,ACC-71,,,PX-7,Rest^Über,XA,1,1,,,,,,1," + R + "71");
        assertThat(accounts.auditLog(50)).anyMatch(e -> e.action().equals("EXPORT")
                && e.detail().equals("studies.csv filters: modality=XA"));
    }

    @Test
    void pagesAreServedWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = send(request("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(send(request("/api/studies")).headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void passwordsAreStoredAsPbkdf2WithTheirSaltAndIterations() {
        String hash = PasswordHash.hash("some password".toCharArray());

        assertThat(hash).startsWith("pbkdf2-sha256$210000$");
        assertThat(PasswordHash.matches("some password".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("some passworD".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.hash("some password".toCharArray())).isNotEqualTo(hash);
    }
}

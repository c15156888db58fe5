package io.campuscrm.demo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import io.campuscrm.institution.Campus;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;

/**
 * One demo login per role (README lists them), plus more staff per role at larger scales. Every demo user has
 * the password {@value #PASSWORD}.
 */
@Component
class UsersDemoData implements DemoDataStep {

    static final String PASSWORD = "campus-demo";

    private static final List<String> GIVEN = List.of("Wei Ling", "Jun Hao", "Siti", "Arjun", "Mei", "Hui Min",
            "Ravi", "Nurul", "Ethan", "Chloe", "Kai", "Aisha", "Marcus", "Li Na", "Farhan", "Sarah");
    private static final List<String> FAMILY = List.of("Tan", "Lim", "Ng", "Wong", "Lee", "Chua", "Goh", "Koh",
            "Rahman", "Kumar", "Pillai", "Teo", "Ong", "Chan", "Yeo", "Ismail");

    private final UserService users;

    UsersDemoData(UserService users) {
        this.users = users;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        Set<Long> all = Set.of();
        Set<Long> orchard = Set.of(context.campuses().getFirst().id());
        Set<Long> tampines = Set.of(context.campuses().getLast().id());
        create("admin", "Alex Morgan", Set.of(Role.ADMIN), all);
        create("admissions", "Grace Tan", Set.of(Role.ADMISSIONS), orchard);
        create("teacher", "Daniel Lim", Set.of(Role.TEACHER), orchard);
        create("finance", "Priya Nair", Set.of(Role.FINANCE), all);
        // the school's Chinese-speaking administrator reads the product in Chinese whatever the browser says
        users.create(new UserDraft("zhang", "张伟", "zhang@harbourside.example", Set.of(Role.ADMIN), all,
                Language.SIMPLIFIED_CHINESE), PASSWORD);
        for (Role role : Role.values()) {
            for (int i = 0; i < scale.staffPerRole(); i++) {
                String given = GIVEN.get(random.nextInt(GIVEN.size()));
                String family = FAMILY.get(random.nextInt(FAMILY.size()));
                // the whole role name: ADMIN and ADMISSIONS share their first letter, and at larger scales the same
                // random name and number came up for both
                String username = (role.name() + "." + given.replace(" ", "") + "." + family + i)
                        .toLowerCase(Locale.ROOT);
                List<Campus> campuses = context.campuses();
                Set<Long> campus = Set.of(campuses.get(random.nextInt(campuses.size())).id());
                create(username, given + " " + family, Set.of(role), random.nextBoolean() ? campus : tampines);
            }
        }
    }

    private void create(String username, String name, Set<Role> roles, Set<Long> campuses) {
        users.create(UserDraft.of(username, name, username + "@harbourside.example", roles, campuses), PASSWORD);
    }
}

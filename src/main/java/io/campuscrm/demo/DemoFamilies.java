package io.campuscrm.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.campuscrm.institution.Campus;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.students.BulkFamily;
import io.campuscrm.students.GuardianDraft;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.StudentDraft;
import io.campuscrm.students.StudentStatus;

/**
 * Singapore families as a tutoring centre sees them: Chinese (with names in characters, often an English preferred
 * name), Malay, Indian and expatriate families, one to three children aged 4 to 17, parents' mobiles and e-mails,
 * mostly active students, some paused, graduated or withdrawn. Deterministic for a given random generator.
 */
final class DemoFamilies {

    private record Surname(String latin, String chinese) {
    }

    private record Given(String latin, String chinese) {
    }

    private static final List<Surname> CHINESE_SURNAMES = List.of(new Surname("Tan", "陈"), new Surname("Lim", "林"),
            new Surname("Lee", "李"), new Surname("Ng", "黄"), new Surname("Ong", "王"), new Surname("Wong", "黄"),
            new Surname("Goh", "吴"), new Surname("Chua", "蔡"), new Surname("Chan", "曾"), new Surname("Koh", "许"),
            new Surname("Teo", "张"), new Surname("Ang", "洪"), new Surname("Yeo", "杨"), new Surname("Tay", "郑"),
            new Surname("Ho", "何"), new Surname("Low", "刘"), new Surname("Toh", "卓"), new Surname("Sim", "沈"),
            new Surname("Chia", "谢"), new Surname("Leong", "梁"));
    private static final List<Given> CHINESE_GIVEN = List.of(new Given("Wei Ming", "伟明"),
            new Given("Jia Hui", "佳慧"), new Given("Zi Xuan", "子轩"), new Given("Hui Min", "慧敏"),
            new Given("Jun Jie", "俊杰"), new Given("Xin Yi", "欣怡"), new Given("Yu Xuan", "宇轩"),
            new Given("Kai Wen", "凯文"), new Given("Shu Ting", "淑婷"), new Given("Jia Le", "嘉乐"),
            new Given("Zhi Hao", "志豪"), new Given("Yi Ting", "怡婷"), new Given("Jun Hao", "俊豪"),
            new Given("Wen Xuan", "文轩"), new Given("Li Ting", "丽婷"), new Given("Rui En", "睿恩"),
            new Given("Kai Xin", "凯欣"), new Given("Yong Jie", "永杰"), new Given("Min Hui", "敏慧"),
            new Given("Hao Ran", "浩然"));
    private static final List<String> ENGLISH_NAMES = List.of("Ethan", "Chloe", "Ryan", "Megan", "Isaac", "Natalie",
            "Jayden", "Sophia", "Lucas", "Charlotte", "Aiden", "Rachel", "Caleb", "Vanessa", "Nathan", "Joanne");
    private static final List<String> CHINESE_FATHERS = List.of("Kok Wai", "Boon Huat", "Chee Keong", "Wee Liang",
            "Kian Seng", "Ah Kow", "Soon Heng", "Teck Meng");
    private static final List<String> CHINESE_MOTHERS = List.of("Mei Ling", "Siew Hoon", "Hui Ling", "Pei Shan",
            "Li Hua", "Bee Choo", "Shu Fen", "Ai Ling");
    private static final List<String> MALAY_MEN = List.of("Ahmad", "Rahman", "Ismail", "Hafiz", "Faizal", "Azman",
            "Rizal", "Hakim");
    private static final List<String> MALAY_ELDERS = List.of("Yusof", "Abdullah", "Osman", "Hassan", "Ibrahim",
            "Salleh");
    private static final List<String> MALAY_BOYS = List.of("Muhammad Irfan", "Muhammad Danish", "Adam", "Haziq",
            "Aqil", "Rayyan", "Imran", "Harith");
    private static final List<String> MALAY_GIRLS = List.of("Nur Aisyah", "Siti Nurhaliza", "Nurul Huda", "Aisyah",
            "Alya", "Damia", "Hanis", "Qistina");
    private static final List<String> MALAY_WOMEN = List.of("Siti Aminah", "Noraini", "Farah", "Zarina", "Rohani",
            "Liyana");
    private static final List<String> INDIAN_MEN = List.of("Kumar", "Rajesh", "Suresh", "Ganesh", "Ramasamy",
            "Anand", "Vijay", "Prakash");
    private static final List<String> INDIAN_BOYS = List.of("Arjun", "Rohan", "Karthik", "Nikhil", "Aditya",
            "Pranav", "Vikram", "Dhruv");
    private static final List<String> INDIAN_GIRLS = List.of("Priya", "Ananya", "Divya", "Kavya", "Meera", "Shreya",
            "Nandini", "Lakshmi");
    private static final List<String> INDIAN_WOMEN = List.of("Lakshmi", "Kavitha", "Deepa", "Revathi", "Sangeetha",
            "Anitha");
    private static final List<String> WESTERN_SURNAMES = List.of("Clarke", "Martin", "Müller", "Dubois",
            "Fernández", "O'Brien", "Johansson", "Novak", "Rossi", "Smith", "Williams", "Taylor");
    private static final List<String> WESTERN_BOYS = List.of("Lucas", "José", "Mateo", "Noah", "Søren", "Björn",
            "Oliver", "Liam");
    private static final List<String> WESTERN_GIRLS = List.of("Emily", "Zoë", "Chloé", "Léa", "Olivia", "Amélie",
            "Ava", "Isla");
    private static final List<String> WESTERN_FATHERS = List.of("David", "Michael", "Pierre", "Jens", "Marco",
            "Thomas");
    private static final List<String> WESTERN_MOTHERS = List.of("Sarah", "Anna", "Claire", "Ingrid", "Giulia",
            "Laura");
    private static final List<String> PRIMARY_SCHOOLS = List.of("Raffles Primary", "Nanyang Primary", "Tao Nan School",
            "Henry Park Primary", "Rosyth School", "Tampines Primary", "Pasir Ris Primary",
            "Anglo-Chinese School (Junior)", "Methodist Girls' School");
    private static final List<String> SECONDARY_SCHOOLS = List.of("Raffles Institution", "Hwa Chong Institution",
            "Victoria School", "Temasek Secondary", "Dunman High", "Tampines Secondary");
    private static final List<String> TAGS = List.of("math", "english", "chinese", "robotics", "scholarship",
            "sibling discount", "SEN", "trial");
    private static final List<String> STREETS = List.of("Tampines Street 11", "Bedok North Avenue 3",
            "Pasir Ris Drive 6", "Orchard Road", "Toa Payoh Lorong 4", "Ang Mo Kio Avenue 10", "Bukit Timah Road",
            "Simei Street 1");
    private static final List<String> DOMAINS = List.of("example.com", "example.net", "example.org");

    private final RandomGenerator random;
    private final List<Campus> campuses;
    private final LocalDate today;
    private final ZoneId zone;
    private final Set<String> phones = new HashSet<>();
    private int emailCounter;

    DemoFamilies(RandomGenerator random, List<Campus> campuses, LocalDate today, ZoneId zone) {
        this.random = random;
        this.campuses = campuses;
        this.today = today;
        this.zone = zone;
    }

    /** Families until {@code students} students are made. */
    List<BulkFamily> generate(int students) {
        List<BulkFamily> families = new ArrayList<>();
        int made = 0;
        while (made < students) {
            int children = Math.min(students - made, childCount());
            families.add(family(children));
            made += children;
        }
        return families;
    }

    private int childCount() {
        int r = random.nextInt(100);
        return r < 60 ? 1 : r < 90 ? 2 : 3;
    }

    private BulkFamily family(int children) {
        Long campus = campuses.isEmpty() ? null : pick(campuses).id();
        int kind = random.nextInt(100);
        String[] parents = parentNames(kind);
        List<GuardianDraft> guardians = guardians(kind, parents[0], parents[1]);
        int eldest = 4 + random.nextInt(14);
        List<StudentDraft> students = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            int age = Math.max(4, eldest - i * (1 + random.nextInt(3)));
            Long childCampus = campus != null && campuses.size() > 1 && random.nextInt(10) == 0
                    ? pick(campuses).id() : campus;
            students.add(child(kind, parents[0], age, childCampus));
        }
        String address = "Blk " + (100 + random.nextInt(800)) + " " + pick(STREETS) + ", #"
                + String.format("%02d-%02d", 2 + random.nextInt(20), 1 + random.nextInt(99)) + ", Singapore "
                + (400000 + random.nextInt(400000));
        var primary = guardians.stream().filter(GuardianDraft::primaryContact).findFirst().orElse(guardians.getFirst());
        // half the Chinese families read letters in Chinese, Western ones chose English; the rest follow the school
        Language language = kind < 25 ? Language.SIMPLIFIED_CHINESE : kind >= 90 ? Language.ENGLISH : null;
        return new BulkFamily(primary.fullName(), address, guardians, students, createdAt(), language);
    }

    /** A child named after the father as the family's culture does: surname, bin/binte, s/o / d/o. */
    private StudentDraft child(int kind, String father, int age, Long campus) {
        boolean girl = random.nextBoolean();
        if (kind < 55) {
            String fatherSurname = father.substring(0, father.indexOf(' '));
            Surname surname = CHINESE_SURNAMES.stream().filter(s -> s.latin().equals(fatherSurname)).findFirst()
                    .orElseThrow();
            Given given = pick(CHINESE_GIVEN);
            String preferred = random.nextInt(10) < 4 ? pick(ENGLISH_NAMES) : null;
            return student(surname.latin() + " " + given.latin(), preferred, surname.chinese() + given.chinese(),
                    age, campus);
        }
        String fullName;
        if (kind < 75) {
            String fatherGiven = father.substring(0, father.indexOf(" bin "));
            fullName = (girl ? pick(MALAY_GIRLS) + " binte " : pick(MALAY_BOYS) + " bin ") + fatherGiven;
        } else if (kind < 90) {
            String fatherGiven = father.substring(0, father.indexOf(" s/o "));
            fullName = (girl ? pick(INDIAN_GIRLS) + " d/o " : pick(INDIAN_BOYS) + " s/o ") + fatherGiven;
        } else {
            fullName = (girl ? pick(WESTERN_GIRLS) : pick(WESTERN_BOYS)) + " " + father.substring(father.indexOf(' ')
                    + 1);
        }
        return student(fullName, null, null, age, campus);
    }

    private StudentDraft student(String fullName, String preferred, String chinese, int age, Long campus) {
        LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
        String phone = age >= 12 && random.nextInt(10) < 3 ? mobile() : null;
        String email = age >= 12 && random.nextInt(10) < 3 ? email(fullName) : null;
        Set<String> tags = new HashSet<>();
        if (random.nextInt(10) < 4) {
            tags.add(pick(TAGS));
        }
        return new StudentDraft(fullName, preferred, chinese, birth, phone, email, school(age), grade(age), status(),
                campus, tags);
    }

    /** Father and mother. */
    private String[] parentNames(int kind) {
        if (kind < 55) {
            return new String[] {pick(CHINESE_SURNAMES).latin() + " " + pick(CHINESE_FATHERS),
                    pick(CHINESE_SURNAMES).latin() + " " + pick(CHINESE_MOTHERS)};
        }
        if (kind < 75) {
            return new String[] {pick(MALAY_MEN) + " bin " + pick(MALAY_ELDERS),
                    pick(MALAY_WOMEN) + " binte " + pick(MALAY_ELDERS)};
        }
        if (kind < 90) {
            return new String[] {pick(INDIAN_MEN) + " s/o " + pick(INDIAN_MEN),
                    pick(INDIAN_WOMEN) + " d/o " + pick(INDIAN_MEN)};
        }
        String surname = pick(WESTERN_SURNAMES);
        return new String[] {pick(WESTERN_FATHERS) + " " + surname, pick(WESTERN_MOTHERS) + " " + surname};
    }

    /**
     * Both parents (the mother more often the primary contact), or now and then one alone. In Chinese families
     * that leave letters to the school's language, some parents read their own: a mother Chinese, a father English
     * (chosen from the family's kind, so the rest of the demo draws the same numbers).
     */
    private List<GuardianDraft> guardians(int kind, String father, String mother) {
        boolean ownLanguages = kind >= 25 && kind < 55;
        Language mumReads = ownLanguages && kind % 3 == 0 ? Language.SIMPLIFIED_CHINESE : null;
        Language dadReads = ownLanguages && kind % 5 == 0 ? Language.ENGLISH : null;
        boolean motherPrimary = random.nextInt(10) < 6;
        var mum = new GuardianDraft(mother, GuardianRelationship.MOTHER, mobile(), email(mother), mumReads,
                motherPrimary);
        var dad = new GuardianDraft(father, GuardianRelationship.FATHER, mobile(),
                random.nextBoolean() ? email(father) : null, dadReads, !motherPrimary);
        if (random.nextInt(10) == 0) {
            return List.of(motherPrimary ? mum : dad);
        }
        return motherPrimary ? List.of(mum, dad) : List.of(dad, mum);
    }

    /** A Singapore mobile number (8 or 9 and seven digits), unique within this run. */
    private String mobile() {
        while (true) {
            int prefix = random.nextBoolean() ? 81 + random.nextInt(8) : 90 + random.nextInt(8);
            String number = prefix + String.format("%06d", random.nextInt(1_000_000));
            if (phones.add(number)) {
                return "+65" + number;
            }
        }
    }

    private String email(String name) {
        String local = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".")
                .replaceAll("^\\.|\\.$", "");
        return local + "." + (++emailCounter) + "@" + pick(DOMAINS);
    }

    private String school(int age) {
        return age < 7 ? "" : age <= 12 ? pick(PRIMARY_SCHOOLS) : pick(SECONDARY_SCHOOLS);
    }

    private static String grade(int age) {
        if (age < 7) {
            return age < 6 ? "K1" : "K2";
        }
        if (age <= 12) {
            return "P" + (age - 6);
        }
        return age <= 16 ? "S" + (age - 12) : "JC1";
    }

    private StudentStatus status() {
        int r = random.nextInt(100);
        return r < 80 ? StudentStatus.ACTIVE : r < 88 ? StudentStatus.PAUSED
                : r < 95 ? StudentStatus.GRADUATED : StudentStatus.WITHDRAWN;
    }

    /** Spread over three years, with some in the current month for the dashboard. */
    private Instant createdAt() {
        var now = today.atStartOfDay(zone).toInstant();
        if (random.nextInt(20) == 0) {
            return now.minus(random.nextInt(Math.max(1, today.getDayOfMonth())), ChronoUnit.DAYS)
                    .plus(9 + random.nextInt(9), ChronoUnit.HOURS);
        }
        return now.minus(30 + random.nextInt(3 * 365), ChronoUnit.DAYS).plus(random.nextInt(24 * 60),
                ChronoUnit.MINUTES);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
